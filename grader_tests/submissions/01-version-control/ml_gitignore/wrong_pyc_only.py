# Wrong: ignores compiled files but not the cache folders themselves, so other files that tools
# leave in __pycache__ and the .py copies in .ipynb_checkpoints get committed.
def ml_gitignore():
    return "\n".join([
        "data/*", "!data/README.md",
        "*.pt", "*.pth", "*.ckpt", "*.h5", "*.onnx", "*.safetensors",
        "*-checkpoint.ipynb", "*.pyc",
        ".venv/", "venv/", ".env",
    ])

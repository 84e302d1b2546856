# Wrong: ignores the data folder itself, so the !data/README.md rule can never bring it back.
def ml_gitignore():
    return "\n".join([
        "data/", "!data/README.md",
        "*.pt", "*.pth", "*.ckpt", "*.h5", "*.onnx", "*.safetensors",
        ".ipynb_checkpoints/", "__pycache__/", "*.pyc",
        ".venv/", "venv/", ".env",
    ])

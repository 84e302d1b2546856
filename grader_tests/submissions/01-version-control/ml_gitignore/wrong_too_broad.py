# Wrong: "*env*" catches the secrets and environments, but also environment.yml and docs/envs.md.
def ml_gitignore():
    return "\n".join([
        "data/*", "!data/README.md",
        "*.pt", "*.pth", "*.ckpt", "*.h5", "*.onnx", "*.safetensors",
        ".ipynb_checkpoints/", "__pycache__/", "*.pyc",
        "*env*",
    ])

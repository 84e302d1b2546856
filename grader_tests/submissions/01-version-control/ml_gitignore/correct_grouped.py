# Correct, written another way: one string, folder patterns anchored with **/ and a negation.
def ml_gitignore():
    return """
/data/**
!/data/README.md
**/*.pt
**/*.pth
**/*.ckpt
**/*.h5
**/*.onnx
**/*.safetensors
**/.ipynb_checkpoints
**/__pycache__
*.py[cod]
.venv
venv
.env
"""

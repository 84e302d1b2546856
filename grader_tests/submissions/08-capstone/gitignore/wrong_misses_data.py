%%writefile {project}/.gitignore
# environments and caches
.venv/
__pycache__/
*.pyc
.ipynb_checkpoints/
*.egg-info/

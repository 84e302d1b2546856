%%writefile {project}/.gitignore
# Data sets, wherever they sit
/data/
*.csv
*.parquet
*.npy
# Trained models and results
/models/
*.pkl
*.joblib
*.pt

# Python environments, caches and build output
.venv/
venv/
__pycache__/
*.py[cod]
*.egg-info/
dist/
build/

# Jupyter
.ipynb_checkpoints/

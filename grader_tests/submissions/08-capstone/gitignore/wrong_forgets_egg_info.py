%%writefile {project}/.gitignore
# data and models
data/
models/
*.csv
*.pkl
*.joblib
# environments and caches (pip install -e . leaves src/*.egg-info behind, not listed)
.venv/
__pycache__/
.ipynb_checkpoints/

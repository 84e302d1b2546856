%%writefile {project}/.gitignore
# the two files Kim's folder holds today
data/wine.csv
model.pkl
# environments and caches
.venv/
__pycache__/
.ipynb_checkpoints/
*.egg-info/

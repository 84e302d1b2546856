%%writefile {project}/.gitignore
# anything that looks like data or a model
data*
*model*
*.pkl
.venv/
__pycache__/
.ipynb_checkpoints/
*.egg-info/

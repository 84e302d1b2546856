"""Helpers for the seven-practices course: notebook tools for students and the instructor CLI.

Students can read every line of this package, so it holds no solution and no hidden test.
"""

"""journey-advisor: recommends Adobe Journey Optimizer, Campaign v8 or Campaign v7."""

# The one version source: pyproject.toml reads it from here (hatch's version path), so no
# importlib.metadata look-up (about 40 ms) is paid at every start.
__version__ = "0.1.0"

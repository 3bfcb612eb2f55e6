"""journey-advisor: recommends Adobe Journey Optimizer, Campaign v8 or Campaign v7."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("journey-advisor")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

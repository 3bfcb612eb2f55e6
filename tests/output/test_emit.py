"""What emit writes does not depend on the terminal the command was typed in when its output
goes to a pipe or a file (rich would measure the terminal standard error is attached to)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("args", [["list"], ["recommend", "-t", "scheduled", "-c", "email",
                                             "--no-input"]])
def test_piped_tables_have_the_same_width_in_any_terminal(args):
    import fcntl
    import pty
    import struct
    import termios

    outputs = []
    for columns in (70, 180):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
        completed = subprocess.run([sys.executable, "-m", "journey_advisor", *args], env=env,
                                   stdin=slave, stdout=subprocess.PIPE, stderr=slave, timeout=60)
        os.close(slave)
        os.close(master)
        assert completed.returncode == 0
        outputs.append(completed.stdout.decode("utf-8"))
    assert outputs[0] == outputs[1]
    assert max(len(line) for line in outputs[0].splitlines() if "https://" not in line) == 80

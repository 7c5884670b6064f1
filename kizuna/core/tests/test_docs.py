"""Every setting read from the environment is explained in .env.example, and every kizuna
command is in the README."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_environment_variable_is_in_env_example():
    settings = (ROOT / "kizuna" / "settings.py").read_text()
    used = set(re.findall(r'(?:env_bool|env_list|os\.environ\.get)\(\s*"([A-Z_]+)"', settings))
    used |= set(re.findall(r'os\.environ\["([A-Z_]+)"\]', settings))
    documented = set(re.findall(r"^#\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert used and used <= documented, used - documented


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    commands = [
        path.stem.replace("_", "-")
        for path in (ROOT / "kizuna").glob("*/management/commands/*.py")
        if not path.stem.startswith("_")
    ]
    missing = [name for name in commands if f"kizuna {name}" not in readme]
    assert commands and missing == []

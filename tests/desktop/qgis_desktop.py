"""QGIS desktop under Xvfb with the staged plugin, running a script of ours (``qgis --code``)."""

import os
import subprocess


def run_qgis_desktop(script, qgis_process, plugin_dir, tmp_path, timeout, **variables):
    """Run QGIS desktop on a 1600×1000 virtual screen with the plugin enabled in the
    ``qgis_process`` fixture's profile; ``variables`` go into the environment (the script reads
    them). QGIS gets a temporary folder of its own: it calls layers under its temporary folder
    temporary and asks on exit whether to drop them — pytest's folders are there."""
    qgis_temp = tmp_path / "qgis-temp"
    qgis_temp.mkdir(exist_ok=True)
    env = dict(
        os.environ,
        QGIS_PLUGINPATH=str(plugin_dir),
        QGIS_CUSTOM_CONFIG_PATH=qgis_process.config_dir,
        TMPDIR=str(qgis_temp),
        **variables,
    )
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen
    return subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            "qgis",
            "--nologo",
            "--noversioncheck",
            "--code",
            str(script),
        ],
        env=env,
        capture_output=True,
        timeout=timeout,
    )

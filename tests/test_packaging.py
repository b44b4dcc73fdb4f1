"""What the installers and the Linux tarball promise: shortcuts, the data folder kept, the menu entry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pharmacy_desk import APP_NAME, APP_TITLE

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build_spec"


def test_the_desktop_entry_names_the_program_in_both_languages():
    entry = (BUILD / "pharmacy_desk.desktop").read_text(encoding="utf-8")
    assert f"Name[zh_CN]={APP_TITLE}\n" in entry and "Exec=@PROGRAM@\n" in entry
    assert f"Icon={APP_NAME}\n" in entry and "Type=Application\n" in entry


def test_install_sh_adds_the_menu_entry_where_the_folder_was_unpacked_and_removes_it(tmp_path):
    folder = tmp_path / "unpacked folder"
    folder.mkdir()
    for name in ("pharmacy_desk.desktop", "install-linux.sh"):
        (folder / name.replace("install-linux", "install")).write_bytes((BUILD / name).read_bytes())
    (folder / "pharmacy_desk.png").write_bytes((ROOT / "resources" / "icons" / "pharmacy_desk.png").read_bytes())
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"))
    subprocess.run(["sh", str(folder / "install.sh")], env=env, check=True, capture_output=True)
    entry = (tmp_path / "share" / "applications" / "pharmacy_desk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{folder}/pharmacy_desk"\n' in entry
    assert (tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "pharmacy_desk.png").is_file()
    subprocess.run(["sh", str(folder / "install.sh"), "--remove"], env=env, check=True, capture_output=True)
    assert not (tmp_path / "share" / "applications" / "pharmacy_desk.desktop").exists()


def test_the_windows_installer_makes_shortcuts_and_keeps_the_data_unless_asked():
    script = (BUILD / "pharmacy_desk.iss").read_text(encoding="utf-8")
    assert f'#define AppName "{APP_TITLE}"' in script and f'#define AppId "{APP_NAME}"' in script
    assert r'Name: "{group}\{#AppName}"' in script and r'Name: "{autodesktop}\{#AppName}"' in script
    # the folder the program itself uses on Windows (core/paths.py): %APPDATA%\pharmacy_desk
    assert r"ExpandConstant('{userappdata}\{#AppId}')" in script
    assert "MB_DEFBUTTON2" in script and "DelTree(DataDir" in script  # "No" (keep) is the default answer
    assert "SetupIconFile=..\\resources\\icons\\pharmacy_desk.ico" in script


def test_the_workflow_freezes_smoke_tests_and_builds_the_installer():
    workflow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text(encoding="utf-8")
    for step in ("runs-on: windows-latest", "build_spec/pharmacy_desk.spec", "build_spec/smoke_bundle.py",
                 "ISCC.exe", "build_spec\\pharmacy_desk.iss", "upload-artifact"):
        assert step in workflow


def test_icu_slimming_keeps_chinese_english_and_everything_that_is_no_locale():
    sys.path.insert(0, str(BUILD))
    try:
        import slim_icu
    finally:
        sys.path.remove(str(BUILD))
    items = ["de.res", "zh_Hans_CN.res", "en_GB.res", "root.res", "coll/fr.res", "coll/zh.res", "uprops.icu",
             "gb18030.cnv", "brkitr/thaidict.dict", "brkitr/cjdict.dict", "supplementalData.res", "de_.res"]
    assert slim_icu._unwanted(items) == {"de.res", "coll/fr.res", "brkitr/thaidict.dict", "de_.res"}

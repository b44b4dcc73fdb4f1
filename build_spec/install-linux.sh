#!/bin/sh
# Put pharmacy_desk in the applications menu: run it from the unpacked folder, once.
#   ./install.sh            menu entry and icon for this user
#   ./install.sh --remove   take them away again (the data in ~/.local/share/pharmacy_desk stays)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/pharmacy_desk.desktop" "$icons/pharmacy_desk.png"
  echo "已移除菜单项；数据仍在 ${XDG_DATA_HOME:-$HOME/.local/share}/pharmacy_desk。"
  exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/pharmacy_desk.png" "$icons/pharmacy_desk.png"
sed "s|@PROGRAM@|\"$here/pharmacy_desk\"|" "$here/pharmacy_desk.desktop" > "$apps/pharmacy_desk.desktop"
chmod +x "$apps/pharmacy_desk.desktop"
echo "已加入应用程序菜单：药店会员管理（$here/pharmacy_desk）。"
echo "便携模式（数据放在程序旁边，例如U盘）：在 $here 里新建一个名为 portable.txt 的空文件。"

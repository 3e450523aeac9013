#!/usr/bin/env bash
# Render the demo interviews' recording (gov_interview/static/demo/
# interview.mp4): a 12-second title card of the province's online interview
# with a quiet tone, H.264/AAC for every browser, about 55 KB.  Made here
# with Debian's ffmpeg and the Noto CJK font the browser tests install.
# Usage: scripts/render_demo_video.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v ffmpeg >/dev/null || apt_install ffmpeg
OUT="$ROOT/addons/gov_interview/static/demo/interview.mp4"
FONT=$(fc-list :lang=zh file | grep -m1 'NotoSansCJK-Bold' | cut -d: -f1)
mkdir -p "$(dirname "$OUT")"
ffmpeg -y -loglevel error \
    -f lavfi -i "color=c=0x7f1212:s=640x360:r=15:d=12" \
    -f lavfi -i "sine=frequency=220:sample_rate=22050:duration=12" \
    -vf "drawtext=fontfile=$FONT:text='黑龙江省人民政府 在线访谈':fontcolor=white:fontsize=34:x=(w-text_w)/2:y=120,\
drawtext=fontfile=$FONT:text='访谈录像（演示）':fontcolor=0xf3cf74:fontsize=26:x=(w-text_w)/2:y=180,\
drawtext=fontfile=$FONT:text='%{pts\:hms}':fontcolor=white:fontsize=18:x=(w-text_w)/2:y=280" \
    -c:v libx264 -preset veryslow -crf 32 -pix_fmt yuv420p -c:a aac -b:a 24k -af "volume=0.05" \
    -movflags +faststart -shortest "$OUT"
ls -l "$OUT"

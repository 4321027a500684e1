# Build the one-folder FaceDesk bundle into dist\facedesk\ on Windows, then run its self-test.
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1
# Needs uv (https://docs.astral.sh/uv/). Then compile installer\windows\facedesk.iss with Inno Setup.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

Remove-Item -Recurse -Force build, dist -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force build\i18n | Out-Null
# Compiled translations are build output, never committed.
Get-ChildItem resources\i18n\*.ts | ForEach-Object {
    uv run pyside6-lrelease -silent $_.FullName -qm ("build\i18n\" + $_.BaseName + ".qm")
    if ($LASTEXITCODE -ne 0) { throw "lrelease failed for $($_.Name)" }
}
uv run --group package pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller `
    installer\facedesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$size = (Get-ChildItem -Recurse dist\facedesk | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("Built dist\facedesk ({0:N0} MB)." -f $size)
& dist\facedesk\facedesk.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "The bundle's self-test failed" }

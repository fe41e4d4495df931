@echo off
rem Windows: build the program folder dist\kehoach_desktop\ (kehoach_desktop.exe, kehoach_cli.exe) with
rem PyInstaller, then, when Inno Setup 6 is installed, the installer dist\installer\SoanKeHoach-<version>-CaiDat.exe.
rem Needs: Python 3.11 64-bit from python.org (with the "py" launcher); Inno Setup 6 from jrsoftware.org.
setlocal
cd /d "%~dp0\.."
if not exist .venv\Scripts\python.exe (
  py -3.11 -m venv .venv || py -3 -m venv .venv || goto :nopython
)
echo Cai cac goi Python va PyInstaller vao .venv ...
.venv\Scripts\python -m pip install -q -e ".[build]" || goto :nopip
.venv\Scripts\python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller packaging\kehoach.spec || goto :failed
dist\kehoach_desktop\kehoach_cli.exe --help >nul || goto :failed
echo Da dong goi: dist\kehoach_desktop
for /f "delims=" %%v in ('.venv\Scripts\python -c "import kehoach_desktop; print(kehoach_desktop.__version__)"') do set VERSION=%%v
set "ISCC=%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"
if not exist "%ISCC%" set "ISCC=%ProgramFiles%\Inno Setup 6\ISCC.exe"
if not exist "%ISCC%" set "ISCC=%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe"
if not exist "%ISCC%" goto :noinno
"%ISCC%" /Q /DAppVersion=%VERSION% packaging\kehoach.iss || goto :failed
echo Da tao bo cai: dist\installer\SoanKeHoach-%VERSION%-CaiDat.exe
exit /b 0

:noinno
echo Chua cai Inno Setup 6 (jrsoftware.org): chi co thu muc dist\kehoach_desktop, chua co bo cai.
exit /b 0
:nopython
echo Khong tao duoc moi truong Python. Hay cai Python 3.11 (64-bit) tu python.org.
exit /b 1
:nopip
echo Khong cai duoc cac goi Python (xem thong bao o tren).
exit /b 1
:failed
echo Dong goi khong thanh cong (xem thong bao o tren).
exit /b 1

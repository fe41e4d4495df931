@echo off
rem Windows: set up (first time) and open the app. Needs Python 3.10+ from python.org ("py" launcher).
cd /d "%~dp0\.."
if not exist .venv\Scripts\python.exe (
  py -3 -m venv .venv || (echo Khong tao duoc moi truong Python. Hay cai Python 3 tu python.org. & pause & exit /b 1)
)
if not exist .venv\.installed (
  .venv\Scripts\python -m pip install -q -e . || (echo Khong cai duoc cac goi Python. & pause & exit /b 1)
  echo ok> .venv\.installed
)
.venv\Scripts\python tools\build_translations.py
start "" .venv\Scripts\pythonw -m kehoach_desktop %*

"""kehoach_desktop: soạn, kiểm tra và in Kế hoạch theo thể thức văn bản chính thức."""

__version__ = "0.1.0"
APP_NAME = "Soạn Kế hoạch"

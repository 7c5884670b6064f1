"""The website's one error type, rendered as a page in the visitor's language."""

from django.shortcuts import render


class BadRequest(Exception):
    """A bad value in a URL (an unknown filter, a page that is not a number): answered 400."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def render_error(request, status: int, message: str = ""):
    return render(request, f"website/{status}.html", {"message": message}, status=status)


class BadRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, BadRequest):
            return render_error(request, 400, exception.message)
        return None

from ..errors import render_error


def not_found(request, exception=None):
    return render_error(request, 404)


def server_error(request):
    return render_error(request, 500)

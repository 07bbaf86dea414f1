"""Why the system could not read or write a file, in the editor's words, not its English."""

import errno

from translations import _

REASONS = {
    errno.EACCES: lambda: _("permission denied: the file or its folder may not be read or written"),
    errno.EPERM: lambda: _("permission denied: the file or its folder may not be read or written"),
    errno.ENAMETOOLONG: lambda: _("the file's name is too long for this computer"),
    errno.ENOENT: lambda: _("there is no such file or folder"),
    errno.ENOSPC: lambda: _("the disk is full"),
    errno.EROFS: lambda: _("the disk may only be read"),
    errno.EISDIR: lambda: _("it is a folder, not a file"),
    errno.ENOTDIR: lambda: _("a part of its path is a file, not a folder"),
    errno.EIO: lambda: _("the disk could not be read"),
}


def reason_of(error: OSError) -> str:
    """ERROR's reason in the editor's language; the system's own words only if unknown."""
    known = REASONS.get(error.errno)
    return known() if known else _("the system says: {error}").format(error=error.strerror or error)


def problem_with(error: OSError, file=None) -> str:
    """FILE and the reason the system could not use it."""
    return f"{file or error.filename or '?'}: {reason_of(error)}"

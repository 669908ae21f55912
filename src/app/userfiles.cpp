#include "userfiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <system_error>

namespace relulab::app {

namespace {

QString systemMessage(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

// The process's umask, without changing it (umask() can only be read by setting it, which would
// race with other threads creating files): Linux states it in /proc/self/status.
mode_t currentUmask()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0)
            return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
    }
    return 022;
}

// What a path that is not a regular file is, for messages.
QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QCoreApplication::translate("relulab::app::UserFiles", "a folder");
    if (S_ISFIFO(mode))
        return QCoreApplication::translate("relulab::app::UserFiles", "a FIFO");
    if (S_ISCHR(mode))
        return QCoreApplication::translate("relulab::app::UserFiles", "a character device");
    if (S_ISBLK(mode))
        return QCoreApplication::translate("relulab::app::UserFiles", "a block device");
    if (S_ISSOCK(mode))
        return QCoreApplication::translate("relulab::app::UserFiles", "a socket");
    return QCoreApplication::translate("relulab::app::UserFiles", "not a regular file");
}

// The folder and name of a native path ("a/b.csv" -> "a", "b.csv"; "b.csv" -> ".", "b.csv").
std::pair<std::string, std::string> splitPath(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return {".", path};
    return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

// Writes all of `size` bytes; false with errno set when a write fails (0 bytes written counts as a
// full device).
bool writeAll(int fd, const char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const auto chunk = static_cast<std::size_t>(std::min<qint64>(size - done, qint64 {1} << 30));
        const ssize_t written = ::write(fd, data + done, chunk);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (written == 0) {
            errno = ENOSPC;
            return false;
        }
        done += written;
    }
    return true;
}

} // namespace

bool isStandardStream(const QString &path)
{
    return path == QLatin1String(StandardStreamName);
}

namespace {

// The descriptor a name stands for: "-" standard output, and the names the system gives open
// descriptors (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N). Written through that
// descriptor, never reopened or replaced: `-o /dev/stderr 2>>log` appends to the log.
std::optional<int> descriptorOf(const QString &path)
{
    if (isStandardStream(path) || path == QLatin1String("/dev/stdout"))
        return STDOUT_FILENO;
    if (path == QLatin1String("/dev/stderr"))
        return STDERR_FILENO;
    for (const QLatin1String prefix : {QLatin1String("/dev/fd/"), QLatin1String("/proc/self/fd/")}) {
        if (path.startsWith(prefix)) {
            bool ok = false;
            const int fd = path.mid(prefix.size()).toInt(&ok);
            if (ok && fd >= 0 && ::fcntl(fd, F_GETFD) != -1)
                return fd;
        }
    }
    return std::nullopt;
}

} // namespace

OutputFile::OutputFile(QString path, QObject *parent)
    : QIODevice(parent)
    , m_path(std::move(path))
{ }

OutputFile::~OutputFile()
{
    cancelWriting();
}

QString OutputFile::displayName() const
{
    return isStandardStream(m_path) ? QCoreApplication::translate("relulab::app::UserFiles", "standard output") : m_path;
}

void OutputFile::fail(int error)
{
    setErrorString(systemMessage(error));
}

bool OutputFile::open(OpenMode mode)
{
    if (isOpen() || (mode & ReadOnly) || !(mode & WriteOnly) || (mode & Append)) {
        setErrorString(QCoreApplication::translate("relulab::app::UserFiles", "can only be opened once, for writing"));
        return false;
    }
    if (m_path.isEmpty()) {
        setErrorString(QCoreApplication::translate("relulab::app::UserFiles", "no file name given"));
        return false;
    }
    if (const std::optional<int> fd = descriptorOf(m_path)) {
        m_fd = *fd;
        m_ownsDescriptor = false;
        return QIODevice::open(WriteOnly | Unbuffered);
    }
    const QByteArray native = QFile::encodeName(m_path);
    struct stat existing {};
    const bool exists = ::stat(native.constData(), &existing) == 0;
    // Only a missing file is a new one: a name too long or a loop of links fails now, not at the
    // rename after a long run.
    if (!exists && errno != ENOENT) {
        fail(errno);
        return false;
    }
    // Other names under /dev and /proc that lead to a regular file are written as `>` writes
    // them: the magic link must not be replaced by a rename.
    const bool systemName = m_path.startsWith(QLatin1String("/dev/")) || m_path.startsWith(QLatin1String("/proc/"));
    if (exists && (!S_ISREG(existing.st_mode) || systemName)) {
        if (S_ISDIR(existing.st_mode) || S_ISBLK(existing.st_mode)) {
            // A block device is a disk: writing it as root would destroy a file system.
            setErrorString(QCoreApplication::translate("relulab::app::UserFiles", "is %1: not written").arg(kindOf(existing.st_mode)));
            return false;
        }
        // A character device or a FIFO is written as the shell's `>` would, never replaced (a
        // FIFO waits here for its reader, as with the shell).
        m_fd = ::open(native.constData(),
                      O_WRONLY | O_CLOEXEC | O_NOCTTY | (S_ISREG(existing.st_mode) ? O_TRUNC : 0));
        if (m_fd < 0) {
            fail(errno);
            return false;
        }
        m_ownsDescriptor = true;
        return QIODevice::open(WriteOnly | Unbuffered);
    }
    // A regular file, or a new one: through a temporary file in the same folder (rename() is
    // atomic only within one file system). A link is followed: its target is replaced, not it.
    m_target = native.toStdString();
    if (exists) {
        // As QSaveFile and the shell: a file the user may not write is not replaced (a rename
        // needs only the folder's permission). Root may, as with `>`.
        if (::faccessat(AT_FDCWD, native.constData(), W_OK, AT_EACCESS) != 0) {
            fail(errno);
            m_target.clear();
            return false;
        }
        if (char *real = ::realpath(native.constData(), nullptr)) {
            m_target = real;
            std::free(real);
        }
    }
    const auto [folder, name] = splitPath(m_target);
    // A name near NAME_MAX leaves no room for the temporary file's suffix.
    // Named as QSaveFile names it: the target's name and a random suffix.
    const std::string stem = name.size() + 7 <= NAME_MAX ? name : std::string("relulab");
    std::string temporary = folder + "/" + stem + ".XXXXXX";
    m_fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (m_fd < 0) {
        fail(errno);
        m_target.clear();
        return false;
    }
    m_temporary = std::move(temporary);
    m_ownsDescriptor = true;
    // mkostemp() makes the file 0600: the result gets the old file's mode and owner, or what a new
    // file would get.
    // The owner first: fchown() clears the set-id bits that fchmod() then restores.
    if (exists) {
        if (::geteuid() == 0)
            (void)::fchown(m_fd, existing.st_uid, existing.st_gid);
        else
            (void)::fchown(m_fd, static_cast<uid_t>(-1), existing.st_gid); // the group, where allowed
        (void)::fchmod(m_fd, existing.st_mode & 07777);
    } else {
        (void)::fchmod(m_fd, 0666 & ~currentUmask());
    }
    return QIODevice::open(WriteOnly | Unbuffered);
}

qint64 OutputFile::readData(char *, qint64)
{
    return -1;
}

qint64 OutputFile::writeData(const char *data, qint64 size)
{
    if (m_fd < 0 || m_failed)
        return -1;
    if (!writeAll(m_fd, data, size)) {
        fail(errno);
        m_failed = true;
        return -1;
    }
    return size;
}

void OutputFile::closeDescriptor()
{
    if (m_fd >= 0 && m_ownsDescriptor)
        ::close(m_fd);
    m_fd = -1;
    m_ownsDescriptor = false;
}

bool OutputFile::commit()
{
    if (!isOpen()) {
        setErrorString(QCoreApplication::translate("relulab::app::UserFiles", "is not open"));
        return false;
    }
    // A write failed: what was written is not the whole (errorString() says why).
    if (m_failed) {
        const QString error = errorString();
        cancelWriting();
        setErrorString(error);
        return false;
    }
    QString error;
    if (m_temporary.empty()) {
        // Standard output or a device: the writes have happened; a device's close() can still
        // report a failure.
        const bool owned = m_ownsDescriptor;
        const int fd = m_fd;
        m_fd = -1;
        m_ownsDescriptor = false;
        if (owned && ::close(fd) != 0 && errno != EINTR)
            error = systemMessage(errno);
    } else {
        // fsync() reports what a file system only finds out on writeback (a full disk on NFS,
        // a quota); a file system that cannot sync says EINVAL, which is no failure.
        if (::fsync(m_fd) != 0 && errno != EINVAL && errno != ENOTSUP)
            error = systemMessage(errno);
        if (error.isEmpty()) {
            const int fd = m_fd;
            m_fd = -1;
            m_ownsDescriptor = false;
            if (::close(fd) != 0 && errno != EINTR)
                error = systemMessage(errno);
        }
        if (error.isEmpty() && ::rename(m_temporary.c_str(), m_target.c_str()) != 0)
            error = systemMessage(errno);
        if (error.isEmpty())
            m_temporary.clear();
    }
    cancelWriting();
    if (!error.isEmpty()) {
        setErrorString(error);
        return false;
    }
    return true;
}

void OutputFile::cancelWriting()
{
    closeDescriptor();
    if (!m_temporary.empty()) {
        ::unlink(m_temporary.c_str());
        m_temporary.clear();
    }
    m_target.clear();
    if (isOpen()) {
        const QString error = errorString();
        QIODevice::close();
        setErrorString(error);
    }
}

QString outputOptionHelp(const QString &what)
{
    return QStringLiteral("Write %1 to this file ('-': standard output). A regular file is replaced "
                          "only once complete: on failure an existing one is left as it was. A "
                          "device or FIFO (/dev/null) is written as it is, never replaced.")
            .arg(what);
}

std::optional<QString> writeUserFile(const QString &path, const QByteArray &bytes)
{
    OutputFile file(path);
    if (!file.open() || file.write(bytes) != bytes.size() || !file.commit())
        return QCoreApplication::translate("relulab::app::UserFiles", "Could not write %1: %2")
                .arg(file.displayName(), file.errorString());
    return std::nullopt;
}

bool sameUserFile(const QString &first, const QString &second)
{
    const std::optional<int> firstDescriptor = descriptorOf(first);
    const std::optional<int> secondDescriptor = descriptorOf(second);
    if (firstDescriptor && firstDescriptor == secondDescriptor)
        return true;
    // A descriptor is compared by what it is open on: `--summary out.csv > out.csv`.
    const auto status = [](const QString &path, const std::optional<int> &fd, struct stat &info) {
        return fd ? ::fstat(*fd, &info) == 0 : ::stat(QFile::encodeName(path).constData(), &info) == 0;
    };
    struct stat a {};
    struct stat b {};
    const bool firstExists = status(first, firstDescriptor, a);
    const bool secondExists = status(second, secondDescriptor, b);
    if (firstDescriptor || secondDescriptor)
        return firstExists && secondExists && a.st_dev == b.st_dev && a.st_ino == b.st_ino
                && S_ISREG(a.st_mode);
    if (firstExists != secondExists)
        return false;
    if (firstExists)
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino && !S_ISCHR(a.st_mode);
    // Neither exists yet: the same name in the same folder.
    const auto spelled = [](const QString &path) {
        const QFileInfo info(path);
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        return folder.isEmpty() ? info.absoluteFilePath() : folder + u'/' + info.fileName();
    };
    return spelled(first) == spelled(second);
}

std::variant<QByteArray, QString> readUserFile(const QString &path, ReadLimit limit)
{
    if (path.isEmpty())
        return QCoreApplication::translate("relulab::app::UserFiles", "no file name given");
    // Qt resources (":/lessons/...") are the application's own files.
    if (path.startsWith(u':')) {
        QFile resource(path);
        if (!resource.open(QIODevice::ReadOnly))
            return resource.errorString();
        QByteArray bytes = resource.read(limit.maxBytes + 1);
        if (bytes.size() > limit.maxBytes)
            return limit.tooLarge(-1);
        return bytes;
    }
    int fd = -1;
    bool owned = false;
    if (isStandardStream(path)) {
        if (!limit.allowStandardInput)
            return QCoreApplication::translate("relulab::app::UserFiles", "standard input ('-') cannot be read here");
        fd = STDIN_FILENO;
    } else {
        // O_NONBLOCK: opening a FIFO for reading would wait for a writer; it is refused below.
        fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
        if (fd < 0) {
            const int error = errno; // before translate() can change it
            return QCoreApplication::translate("relulab::app::UserFiles", "cannot open: %1")
                    .arg(systemMessage(error));
        }
        owned = true;
        struct stat info {};
        if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
            const QString message = QCoreApplication::translate("relulab::app::UserFiles", "is %1, not a regular file: not read").arg(kindOf(info.st_mode));
            ::close(fd);
            return message;
        }
        // A regular file ignores O_NONBLOCK, but clear it all the same.
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        if (info.st_size > limit.maxBytes) {
            ::close(fd);
            return limit.tooLarge(info.st_size);
        }
    }
    // At most one byte more than allowed, also from a file that grew since, or from a pipe.
    QByteArray bytes;
    QString error;
    char buffer[65536];
    while (bytes.size() <= limit.maxBytes) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            const int readError = errno;
            error = QCoreApplication::translate("relulab::app::UserFiles", "cannot read: %1")
                            .arg(systemMessage(readError));
            break;
        }
        if (got == 0)
            break;
        bytes.append(buffer, std::min<qsizetype>(got, limit.maxBytes + 1 - bytes.size()));
    }
    if (owned)
        ::close(fd);
    if (!error.isEmpty())
        return error;
    if (bytes.size() > limit.maxBytes)
        return limit.tooLarge(-1);
    return bytes;
}

} // namespace relulab::app

#pragma once

// The files a user names, opened the one safe way, for both executables and every kind of file
// (CSV, pictures, presets):
//
// - Output (OutputFile). "-" is standard output; /dev/stdout, /dev/stderr, /dev/fd/N and
//   /proc/self/fd/N are written through that open descriptor (appending where it appends). An
//   existing path that is not a regular file (a
//   character device such as /dev/null or /dev/full, a FIFO) is written directly, as a shell's
//   `>` would: it is never replaced. A regular file, or a new one, is written to a temporary file
//   next to it that commit() renames over it once complete, so a failure (a full disk, a kill)
//   leaves an existing file as it was and no half-written one. A block device or a directory is
//   refused. Writes are unbuffered and checked: the first failed write fails with the system's
//   reason ("No space left on device"), so a long run stops at once instead of at its end.
// - Input (readUserFile). Only a regular file, or "-" for standard input where a caller allows
//   it, read up to a stated size: a FIFO or a device never blocks or floods the reader.
// - sameUserFile(): two options naming the same file, so that a command line that would have one
//   output overwrite the other is refused before anything runs.

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <optional>
#include <string>
#include <variant>

namespace relulab::app {

// The name that means standard output (or input).
inline constexpr char StandardStreamName[] = "-";

bool isStandardStream(const QString &path);

// A user-named output, as one write-only, unbuffered, sequential device.
class OutputFile final : public QIODevice
{
public:
    explicit OutputFile(QString path, QObject *parent = nullptr);
    // Not committed: a temporary file is removed and the target stays as it was.
    ~OutputFile() override;
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    // WriteOnly only. False with errorString() when the path cannot be written: a directory, a
    // block device, no permission, a folder that does not exist.
    bool open(OpenMode mode = WriteOnly) override;
    // As cancelWriting(): only commit() puts a regular file in place.
    void close() override { cancelWriting(); }
    // The data is all there: for a regular file, synced and renamed over the target. False with
    // errorString() when that fails (the target is then as it was).
    bool commit();
    // Drops what was written to a temporary file; the target stays as it was.
    void cancelWriting();

    bool isSequential() const override { return true; }
    const QString &path() const { return m_path; }
    // How messages name it: "standard output" for "-", or the path.
    QString displayName() const;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    void fail(int error);
    void closeDescriptor();

    QString m_path;
    int m_fd = -1;
    bool m_ownsDescriptor = false;
    bool m_failed = false; // a write failed: commit() refuses
    std::string m_temporary; // the temporary file's native path, while there is one
    std::string m_target; // where commit() renames it to
};

// The help of an option that names an output: "Write WHAT to this file" and what that means.
QString outputOptionHelp(const QString &what);

// Writes `bytes` to `path` as OutputFile does; a message naming the file on failure.
std::optional<QString> writeUserFile(const QString &path, const QByteArray &bytes);

// Whether the two paths name the same output: both "-", or the same regular file (also through a
// link or another spelling). Two names of one character device are not (nothing is overwritten:
// --output /dev/null --summary /dev/null is fine).
bool sameUserFile(const QString &first, const QString &second);

struct ReadLimit
{
    qint64 maxBytes;
    // The message for a file of `size` bytes, more than maxBytes ("is 9000000 bytes, larger than a
    // preset may be (1048576 bytes): not opened"); -1 when the size is not known beforehand.
    QString (*tooLarge)(qint64 size);
    bool allowStandardInput = false;
};

// The contents of the file a user named, or a message saying why not ("is not a regular file (a
// FIFO)", "is larger than ... bytes: not read"), the file named by the caller.
std::variant<QByteArray, QString> readUserFile(const QString &path, ReadLimit limit);

} // namespace relulab::app

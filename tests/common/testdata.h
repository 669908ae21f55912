#pragma once

// The files of tests/data (the shared reference data and the independent implementations'
// numbers), read by the tests that check against them. A test target defines
// RELULAB_TEST_DATA_DIR as that folder.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace relulab::test {

// The JSON object in tests/data/`name`; empty when the file is missing or not a JSON object (the
// test then says which file it lacks).
inline QJsonObject readTestDataJson(const QString &name)
{
    QFile file(QStringLiteral(RELULAB_TEST_DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace relulab::test

// relulab_soak: the whole ReLU Lab window, offscreen, training in the dead-neuron lab with its
// animation for a given number of seconds, then exits. tests/soak/soak.sh samples its resident
// memory meanwhile. Built with the tests, not run by CTest (it takes minutes).
//
//   relulab_soak SECONDS [SPEED_INDEX]

#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

#include "app/settings.h"
#include "ui/labtab.h"
#include "ui/mainwindow.h"

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    const QStringList arguments = QApplication::arguments();
    bool ok = false;
    const int seconds = arguments.size() > 1 ? arguments[1].toInt(&ok) : 0;
    if (!ok || seconds <= 0) {
        std::fprintf(stderr, "usage: relulab_soak SECONDS [SPEED_INDEX]\n");
        return 2;
    }
    relulab::app::useThrowawaySettings();

    relulab::ui::MainWindow window;
    window.resize(1360, 820);
    window.showTab(relulab::ui::MainWindow::Tab::Lab);
    window.show();
    relulab::ui::LabTab &lab = window.lab();
    if (arguments.size() > 2) {
        auto *speed = lab.findChild<QComboBox *>(QStringLiteral("speedCombo"));
        const int index = arguments[2].toInt();
        if (speed && index >= 0 && index < speed->count()) {
            speed->setCurrentIndex(index);
            emit speed->activated(index);
        }
    }
    // Play as a user does, once the lab has shown its first frame.
    QTimer::singleShot(500, &lab, [&lab] {
        if (auto *play = lab.findChild<QPushButton *>(QStringLiteral("playButton")))
            play->click();
    });
    QTimer::singleShot(seconds * 1000, &application, [&] {
        std::printf("trained to step %llu of run %llu; %llu frames shown\n",
                    static_cast<unsigned long long>(lab.shownStep()),
                    static_cast<unsigned long long>(lab.shownRun()),
                    static_cast<unsigned long long>(lab.controller().deliveredCount()));
        std::fflush(stdout);
        QApplication::quit();
    });
    return QApplication::exec();
}

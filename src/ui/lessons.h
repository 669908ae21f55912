#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QDockWidget;
class QMenu;
class QPushButton;
class QTextBrowser;

namespace relulab::ui {

class MainWindow;

// The built-in lessons (Help > Lessons): each is a preset in the resources (:/lessons/*.json),
// applied through the same validated loader as File > Open, and a short text — what it shows,
// what to try, what to notice — in a panel docked beside the window. The texts are tr() strings
// in lessons.cpp, one per paragraph, so that they are translated like every other string.
class Lessons : public QObject
{
    Q_OBJECT

public:
    // Adds a Lessons submenu to `helpMenu` and a (hidden) lesson panel to the window.
    Lessons(MainWindow *window, QMenu *helpMenu);

    static int count();
    // The preset of lesson `index` (0-based) in the resources.
    static QString presetPath(int index);
    static QString title(int index);
    // The lesson's text as rich text, its title as the heading.
    static QString html(int index);

    // Applies the lesson's preset, shows its tab and its text. Returns an empty string, or the
    // loader's error (then nothing changed).
    QString open(int index);
    // The lesson shown in the panel, or -1.
    int current() const noexcept { return m_current; }

    QDockWidget *dock() const noexcept { return m_dock; }
    QTextBrowser *browser() const noexcept { return m_browser; }
    QMenu *menu() const noexcept { return m_menu; }

private:
    void showLesson(int index);
    // Every text in the current language, the lesson shown included (on every language switch).
    void retranslate();

    MainWindow *m_window;
    QMenu *m_menu = nullptr;
    QList<QAction *> m_actions;
    QDockWidget *m_dock = nullptr;
    QTextBrowser *m_browser = nullptr;
    QPushButton *m_previousButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    int m_current = -1;
};

} // namespace relulab::ui

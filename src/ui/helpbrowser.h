#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>

class QAbstractButton;
class QAction;
class QDialog;
class QMainWindow;
class QMenu;
class QTextBrowser;

namespace relulab::ui {

// Help > Contents (F1): one browsable page with the formulas and derivatives of every function
// (the information panel's pages), the framework defaults, pros and cons, the dead-neuron
// explanation, He initialisation, the references and the keyboard shortcuts. The texts are tr()
// strings, a paragraph each.
class HelpBrowser : public QObject
{
    Q_OBJECT

public:
    HelpBrowser(QMainWindow *window, QMenu *helpMenu);

    // The whole page. The shortcut list is read from the window's actions, so that shortcuts
    // added later appear without an edit here.
    static QString html(const QMainWindow *window);

    // Shows the help window (made on first use), scrolled to `anchor` if one is given
    // ("functions", "defaults", "dead", "he", "references", "shortcuts").
    void open(const QString &anchor = QString());
    QDialog *dialog() const noexcept { return m_dialog; }
    QTextBrowser *browser() const noexcept { return m_browser; }
    QAction *contentsAction() const noexcept { return m_contentsAction; }
    QAction *shortcutsAction() const noexcept { return m_shortcutsAction; }

private:
    // Every text in the current language, the open page included (on every language switch).
    void retranslate();

    QMainWindow *m_window;
    QAction *m_contentsAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QDialog *m_dialog = nullptr;
    QTextBrowser *m_browser = nullptr;
    QAbstractButton *m_closeButton = nullptr;
};

} // namespace relulab::ui

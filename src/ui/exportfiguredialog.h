#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

#include <memory>

#include "figureexport.h"

namespace Ui {
class ExportFigureDialog;
}

namespace relulab::ui {

// File > Export figure: pick one of the plots of the tab shown, or the whole window, a format
// (PNG with its size and scale, PDF, SVG) and a file. Save draws it (figureexport.h) and hands it
// to the window's ExportService, which encodes and writes it off the GUI thread; the dialog closes
// once the file is written, and a failure is shown in it, open, so the name can be corrected.
class ExportFigureDialog : public QDialog
{
    Q_OBJECT

public:
    // Lists the exportable plots of `page` and then `window` as "Whole window".
    ExportFigureDialog(QWidget *page, QWidget *window, app::ExportService *writer,
                       const QString &folder, QWidget *parent = nullptr);
    ~ExportFigureDialog() override;

    // The widget the dialog would export now, and the file and options it would use.
    QWidget *selectedSource() const;
    QString filePath() const;
    FigureOptions options() const;
    // The message of the last failed export (empty when none failed).
    QString errorText() const;
    // A file handed to the writer and not written yet.
    bool isWriting() const noexcept { return m_writing != 0; }

    void accept() override;

signals:
    void exported(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Every text set in code, in the current language (after the form's retranslateUi()).
    void retranslate();
    void showButtonTexts();
    void showUnits();
    void onFigureChanged();
    void onFormatChanged();
    void updatePixelsNote();
    void browse();
    void showError(const QString &message);
    void onWritten(quint64 id, const QString &path, const QString &error);

    std::unique_ptr<::Ui::ExportFigureDialog> m_ui;
    QList<QPointer<QWidget>> m_sources;
    QWidget *m_window;
    app::ExportService *m_writer;
    quint64 m_writing = 0; // the writer's request for the file being written, 0: none
};

} // namespace relulab::ui

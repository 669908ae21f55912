#pragma once

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class CodeDialog;
}

namespace relulab::ui {

// "Copy as code": the current configuration as PyTorch and as Keras code (app/codesnippets.h),
// one tab each, and a button that copies the tab shown to the clipboard.
class CodeDialog : public QDialog
{
    Q_OBJECT

public:
    // `note` gives the line above the code in the current language (called again on a switch).
    CodeDialog(std::function<QString()> note, const QString &torchCode, const QString &kerasCode,
               QWidget *parent = nullptr);
    ~CodeDialog() override;

    // The code of the tab shown: what Copy puts on the clipboard.
    QString shownCode() const;
    void copyShownCode();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showCopied();

    std::unique_ptr<::Ui::CodeDialog> m_ui;
    std::function<QString()> m_note;
};

} // namespace relulab::ui

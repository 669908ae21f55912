#include "codedialog.h"

#include "ui_codedialog.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPushButton>

namespace relulab::ui {

CodeDialog::CodeDialog(std::function<QString()> note, const QString &torchCode,
                       const QString &kerasCode, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<::Ui::CodeDialog>())
    , m_note(std::move(note))
{
    m_ui->setupUi(this);
    const QFont code = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {m_ui->torchEdit, m_ui->kerasEdit})
        edit->setFont(code);
    m_ui->torchEdit->setPlainText(torchCode);
    m_ui->kerasEdit->setPlainText(kerasCode);
    connect(m_ui->copyButton, &QPushButton::clicked, this, &CodeDialog::copyShownCode);
    connect(m_ui->codeTabs, &QTabWidget::currentChanged, m_ui->copiedLabel, &QLabel::clear);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

CodeDialog::~CodeDialog() = default;

void CodeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CodeDialog::retranslate()
{
    const bool copied = !m_ui->copiedLabel->text().isEmpty();
    m_ui->retranslateUi(this);
    m_ui->noteLabel->setText(m_note ? m_note() : QString());
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setToolTip(tr("Close this window"));
    // Switching the tab clears the label, so a label still shown is about the tab shown.
    if (copied)
        showCopied();
    else
        m_ui->copiedLabel->clear();
}

void CodeDialog::showCopied()
{
    m_ui->copiedLabel->setText(m_ui->codeTabs->currentWidget() == m_ui->kerasTab
                                       ? tr("Keras code copied.")
                                       : tr("PyTorch code copied."));
}

QString CodeDialog::shownCode() const
{
    return m_ui->codeTabs->currentWidget() == m_ui->kerasTab ? m_ui->kerasEdit->toPlainText()
                                                             : m_ui->torchEdit->toPlainText();
}

void CodeDialog::copyShownCode()
{
    QGuiApplication::clipboard()->setText(shownCode());
    showCopied();
}

} // namespace relulab::ui

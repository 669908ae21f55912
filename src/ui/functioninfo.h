#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTextBrowser>

#include "core/activations.h"

namespace relulab::ui {

// The information panel's page for one function: formula and derivative, default values in PyTorch
// and TensorFlow/Keras, where frameworks and papers differ, pros and cons, and the dead-neuron
// story. Rich text, translated (the class exists to give lupdate a translation context).
class FunctionInfo
{
    Q_DECLARE_TR_FUNCTIONS(FunctionInfo)

public:
    static QString html(core::Activation kind);
    // `html` with a line-break opportunity (a zero-width space) after each '.', '(', ',' and '='
    // inside <code>: a narrow panel (presentation mode) then wraps
    // torch.nn.LeakyReLU(negative_slope=0.01) between tokens, not inside a name or a number.
    static QString withCodeBreaks(const QString &html);

private:
    struct Page;
    static Page pageOf(core::Activation kind);
};

// The information panel: what it copies is the code as written, without the zero-width spaces
// FunctionInfo::withCodeBreaks() puts in for wrapping.
class InfoBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    using QTextBrowser::QTextBrowser;

    // The text shown, as a reader sees it (without the break opportunities).
    QString shownText() const;

protected:
    QMimeData *createMimeDataFromSelection() const override;
};

} // namespace relulab::ui

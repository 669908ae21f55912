#pragma once

#include <QCoreApplication>
#include <QString>

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

private:
    struct Page;
    static Page pageOf(core::Activation kind);
};

} // namespace relulab::ui

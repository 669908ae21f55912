#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocale;
class QMenu;
class QTranslator;

namespace relulab::ui {

// The language of the whole interface, switched at run time. English is the language of the
// sources; every other one is a translation compiled into the program (:/i18n/relulab_<code>.qm)
// together with Qt's own strings for the standard dialogs (:/i18n/qtbase_<code>.qm, or the system
// copy). Installing a translator makes Qt send QEvent::LanguageChange to every widget, and each
// window retranslates itself in changeEvent(); nothing here knows the windows.
class Language : public QObject
{
    Q_OBJECT

public:
    static inline const QString English = QStringLiteral("en");
    static inline const QString SimplifiedChinese = QStringLiteral("zh_CN");

    // The one instance, a child of the application object.
    static Language &instance();

    // The languages offered, English first: "en", "zh_CN".
    static QStringList available();
    // A language's name in that language ("English", "简体中文"): found in any language.
    static QString nativeName(const QString &code);
    // The offered language that fits `locale` best: any Chinese locale gives zh_CN (the only
    // Chinese offered), everything else English.
    static QString forLocale(const QLocale &locale);
    // A code as given on the command line or stored ("zh_CN", "zh-CN", "zh", "en_GB", "EN"),
    // normalised to one of available(); empty when it is none of them.
    static QString normalised(const QString &code);

    // Switches to `code` (one of available()); returns false, changing nothing, for any other.
    bool setLanguage(const QString &code);
    QString language() const { return m_language; }

    // At start-up: the stored language (app::storedLanguage()) or, when none is stored, the
    // system locale's.
    void applyStartupLanguage();

    // Adds View > Language to `viewMenu`: one exclusive, checkable action per language, named in
    // its own language. Choosing one switches and stores it. The submenu retranslates its title.
    QMenu *addMenu(QMenu *viewMenu);

signals:
    void languageChanged(const QString &code);

private:
    explicit Language(QObject *parent);
    void removeTranslators();

    QString m_language = English;
    QTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
};

} // namespace relulab::ui

#include "language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QTranslator>

#include <memory>

#include "app/settings.h"

namespace relulab::ui {

Language::Language(QObject *parent)
    : QObject(parent)
{ }

Language &Language::instance()
{
    // Owned by the application object, so it goes with it (and a test's second QApplication gets
    // a fresh one).
    static QPointer<Language> language;
    if (!language)
        language = new Language(QCoreApplication::instance());
    return *language;
}

QStringList Language::available()
{
    return {English, SimplifiedChinese};
}

QString Language::nativeName(const QString &code)
{
    // Each language by its own name, untranslated: whoever cannot read the current language must
    // still find theirs.
    if (code == SimplifiedChinese)
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString Language::forLocale(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese ? SimplifiedChinese : English;
}

QString Language::normalised(const QString &code)
{
    QString name = code.trimmed();
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (name.isEmpty())
        return {};
    if (name.compare(QLatin1String("en"), Qt::CaseInsensitive) == 0
        || name.startsWith(QLatin1String("en_"), Qt::CaseInsensitive))
        return English;
    // zh, zh_CN, zh_Hans, zh_SG: Simplified Chinese is the only Chinese offered.
    if (name.compare(QLatin1String("zh"), Qt::CaseInsensitive) == 0
        || name.startsWith(QLatin1String("zh_"), Qt::CaseInsensitive))
        return SimplifiedChinese;
    return {};
}

void Language::removeTranslators()
{
    for (QTranslator **translator : {&m_appTranslator, &m_qtTranslator}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

bool Language::setLanguage(const QString &code)
{
    if (!available().contains(code))
        return false;
    if (code == m_language && (code == English || m_appTranslator))
        return true;
    // The new translators are loaded before the old ones go: a failure changes nothing.
    std::unique_ptr<QTranslator> translator;
    std::unique_ptr<QTranslator> qt;
    if (code != English) {
        translator = std::make_unique<QTranslator>(this);
        if (!translator->load(QStringLiteral(":/i18n/relulab_%1.qm").arg(code)))
            return false;
        // Qt's own strings: the copy built in, else the system's (qt6-translations-l10n).
        qt = std::make_unique<QTranslator>(this);
        if (!qt->load(QStringLiteral(":/i18n/qtbase_%1.qm").arg(code))
            && !qt->load(QStringLiteral("qtbase_%1").arg(code),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            qt.reset();
    }
    removeTranslators();
    if (translator) {
        m_appTranslator = translator.release();
        QCoreApplication::installTranslator(m_appTranslator);
    }
    if (qt) {
        m_qtTranslator = qt.release();
        QCoreApplication::installTranslator(m_qtTranslator);
    }
    m_language = code;
    // Qt posts the LanguageChange events; delivering them now means every window shows the new
    // language when this returns (a screenshot or a test may look at once).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    emit languageChanged(code);
    return true;
}

void Language::applyStartupLanguage()
{
    const QString stored = normalised(app::storedLanguage());
    setLanguage(stored.isEmpty() ? forLocale(QLocale::system()) : stored);
}

QMenu *Language::addMenu(QMenu *viewMenu)
{
    viewMenu->addSeparator();
    QMenu *menu = viewMenu->addMenu(tr("&Language"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);
    for (const QString &code : available()) {
        QAction *action = menu->addAction(nativeName(code));
        action->setObjectName(QStringLiteral("language_%1").arg(code));
        action->setCheckable(true);
        action->setChecked(code == m_language);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            setLanguage(code);
            app::storeLanguage(code);
        });
    }
    const auto retranslate = [menu, group](const QString &code) {
        menu->setTitle(tr("&Language"));
        const QString tip =
                tr("The language of the interface; it changes at once and is remembered.");
        menu->menuAction()->setToolTip(tip);
        menu->menuAction()->setStatusTip(tip);
        for (QAction *action : group->actions())
            action->setChecked(action->data().toString() == code);
    };
    retranslate(m_language);
    connect(this, &Language::languageChanged, menu, retranslate);
    return menu;
}

} // namespace relulab::ui

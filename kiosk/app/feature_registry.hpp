// Every service on this kiosk, each registered by its own folder in one call
// (kiosk/app/features.cpp lists the calls). The shell takes the cores for
// its controller and views, the screens for its frame, the io for its store
// reads, the live client and the outbox; nothing else lists features.
#pragma once

#include "core/config.hpp"
#include "core/feature.hpp"
#include "net/feature_io.hpp"
#include "ui/feature_screens.hpp"

#include <map>
#include <vector>

namespace kiosk::app {

struct FeatureModule {
    FeatureCore core;
    ui::FeatureScreens screens;
    net::FeatureIo io;
};

class FeatureRegistry {
public:
    explicit FeatureRegistry(const KioskConfig& config) : m_config(config) {}

    const KioskConfig& config() const { return m_config; }
    void add(FeatureModule module) { m_modules.push_back(std::move(module)); }
    const std::vector<FeatureModule>& modules() const { return m_modules; }

    std::vector<FeatureCore> cores() const
    {
        std::vector<FeatureCore> out;
        for (const auto& m : m_modules)
            out.push_back(m.core);
        return out;
    }
    std::map<FeatureId, ui::FeatureScreens> screens() const
    {
        std::map<FeatureId, ui::FeatureScreens> out;
        for (const auto& m : m_modules)
            out.emplace(m.core.id, m.screens);
        return out;
    }
    const net::FeatureIo* io(const FeatureId& id) const
    {
        for (const auto& m : m_modules)
            if (m.core.id == id)
                return &m.io;
        return nullptr;
    }

private:
    const KioskConfig& m_config;
    std::vector<FeatureModule> m_modules;
};

// kiosk/app/features.cpp: one register_<name>(registry) line per service.
void register_features(FeatureRegistry& registry);

} // namespace kiosk::app

// Reads the current notices and their pictures from the local cache into the
// feature's plain values. Pictures are read from the store once and shared
// afterwards (the cache is read again every minute and after every pull).
#include "features/notices/io/notices_io.hpp"

#include "features/notices/core/notice_types.hpp"
#include "protocol/notices.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <map>
#include <memory>

namespace kiosk::notices {
namespace {

LocalText local_text(const lobby::protocol::LocalizedText& text)
{
    return {text.zh_cn, text.zh_hk, text.en};
}

class CacheReader {
public:
    NoticesCache read(store::Store& store, std::int64_t now_utc)
    {
        NoticesCache cache;
        if (auto synced = store.synced_at())
            cache.synced_utc = *synced;
        auto records = store.active_notices(now_utc);
        if (!records) {
            spdlog::warn("cache: notices unreadable: {}", records.error().message);
            return cache;
        }
        std::map<std::string, ImageBytes> images;
        for (const auto& record : records.value()) {
            auto decoded = lobby::protocol::decode<lobby::protocol::Notice>(record.data);
            if (!decoded) {
                spdlog::warn("cache: notice {} unreadable: {}", record.key, decoded.error().message);
                continue;
            }
            const auto& n = decoded.value();
            cache.notices.push_back({n.id, n.kind, n.urgent, local_text(n.title), local_text(n.body), n.published_at,
                                     n.expires_at.value_or(0), n.images});
            for (const std::string& id : n.images)
                if (ImageBytes bytes = image(store, id))
                    images.emplace(id, std::move(bytes));
        }
        cache.images = images;
        m_images = std::move(images);  // pictures of notices gone are let go
        return cache;
    }

private:
    ImageBytes image(store::Store& store, const std::string& id)
    {
        if (auto known = m_images.find(id); known != m_images.end())
            return known->second;
        auto bytes = store.image(id);
        if (!bytes || !bytes.value())
            return nullptr;  // not fetched yet: the screen says so
        return std::make_shared<const std::string>(std::move(*bytes.value()));
    }

    std::map<std::string, ImageBytes> m_images;
};

} // namespace

net::FeatureIo notices_io()
{
    net::FeatureIo io;
    auto reader = std::make_shared<CacheReader>();
    io.read_cache = [reader](store::Store& store, std::int64_t now_utc) -> std::any { return reader->read(store, now_utc); };
    return io;
}

} // namespace kiosk::notices

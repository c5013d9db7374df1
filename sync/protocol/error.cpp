// JSON mapping of the error body.
#include "protocol/error.hpp"

namespace lobby::protocol {

void decode_into(const nlohmann::json& j, ErrorBody& out, DecodeContext& ctx) {
    ObjectReader outer(j, ctx);
    nlohmann::json inner;
    outer.any_object("error", inner);
    if (!outer.ok()) return;
    std::string previous = ctx.enter("error");
    ObjectReader r(inner, ctx);
    r.text("code", out.code, TextRule{1, 64, false});
    r.text("message", out.message, TextRule{1, 1000, true});
    r.time("locked_until", out.locked_until);
    r.integer("attempts_left", out.attempts_left, 0, 1000);
    ctx.leave(std::move(previous));
}

void to_json(nlohmann::json& j, const ErrorBody& v) {
    nlohmann::json inner{{"code", v.code}, {"message", v.message}};
    put_time(inner, "locked_until", v.locked_until);
    put_optional(inner, "attempts_left", v.attempts_left);
    j = nlohmann::json{{"error", std::move(inner)}};
}

} // namespace lobby::protocol

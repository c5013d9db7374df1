// Everything of the kiosk <-> office contract in one include. Each feature
// has its own header; the shared pieces (feed, errors, decoding, text, time,
// masking, ids) are below them.
#pragma once

#include "protocol/changes.hpp"
#include "protocol/common.hpp"
#include "protocol/decode.hpp"
#include "protocol/error.hpp"
#include "protocol/text.hpp"
#include "protocol/time.hpp"

#include "protocol/estate.hpp"
#include "protocol/fees.hpp"
#include "protocol/follow_code.hpp"
#include "protocol/households.hpp"
#include "protocol/kiosk.hpp"
#include "protocol/kiosk_setup.hpp"
#include "protocol/notices.hpp"
#include "protocol/repairs.hpp"
#include "protocol/surveys.hpp"
#include "protocol/visitors.hpp"

#include "protocol/masking.hpp"
#include "protocol/random.hpp"
#include "protocol/verifier.hpp"
#include "protocol/uuid.hpp"

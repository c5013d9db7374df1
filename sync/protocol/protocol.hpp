// Everything of the kiosk <-> office contract in one include.
#pragma once

#include "protocol/changes.hpp"
#include "protocol/decode.hpp"
#include "protocol/error.hpp"
#include "protocol/records.hpp"
#include "protocol/requests.hpp"
#include "protocol/text.hpp"
#include "protocol/time.hpp"

#include "protocol/masking.hpp"
#include "protocol/random.hpp"
#include "protocol/uuid.hpp"

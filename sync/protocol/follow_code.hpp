// The follow-up code of a repair ticket: printed on the kiosk's ticket
// screen (and in its follow-up QR), it lets a resident read and rate that
// one ticket later without verifying the unit again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lobby::protocol {

// 32 symbols without 0/O and 1/I, so a code read off paper is typed back
// right; 10 of them carry 50 random bits.
inline constexpr std::string_view follow_code_alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
inline constexpr std::size_t follow_code_length = 10;

// True for exactly follow_code_length symbols of the alphabet (upper case).
bool is_follow_code(std::string_view code);

// Upper case, spaces and dashes dropped: what a person typed, ready for is_follow_code.
std::string normalize_follow_code(std::string_view typed);

// A fresh code from OpenSSL's CSPRNG (random.cpp; the kiosk makes it when
// the ticket is saved, so it can print it before the outbox delivers).
std::string make_follow_code();

// The secret part of a ticket's phone status page link
// (/repairs/status/<token>): 24 symbols of the same alphabet (120 bits),
// made by the kiosk with the ticket; it shows that one ticket, masked, and
// can neither rate nor accept it.
inline constexpr std::size_t status_token_length = 24;
bool is_status_token(std::string_view token);
std::string make_status_token();

} // namespace lobby::protocol

# The contract types with a JSON decoder; one libFuzzer target each (fuzz_<Type>).
set(LOBBY_FUZZ_TYPES
  Health ChangesPage Change Estate FeeKind RepairCategory Notice Survey Unit Bill Ticket
  RepairRequest Rating TicketStatusRequest VisitorRequest VisitorPass VisitorCodeRequest RedeemRequest
  MoveOutRequest MoveOut MoveOutDecision SurveyResponseRequest SurveyReceipt FeeLookupRequest FeeLookupResult
  PaymentOrderRequest PaymentOrder Heartbeat HeartbeatAck KioskList ErrorBody)

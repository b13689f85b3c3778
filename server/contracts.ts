// What the HTTP layer needs from the retrieval side. Routes depend on this interface only,
// so the app can be built over any implementation (server/services/buildServices.ts builds
// the real one from an index folder). The types live with the assistant that produces them.
export type {
  AskRequest,
  AskResult,
  AssistantServices,
  Citation,
  FacetCounts,
  FicheCard,
  Filters,
  HistoryTurn,
  Intent,
  Lang,
  Passage,
  ReadyInfo,
  SearchHit,
  SimilarFiche,
} from "./assistant/types.ts";

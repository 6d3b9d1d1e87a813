#include "sim/scenario/detail/overrides.hpp"

#include <cctype>

namespace munisim::scenario_detail {

std::vector<PathSegment> parse_key_path(const std::string& path) {
  auto malformed = [&] {
    return InputError({kOverrideSource, 0, 0}, path, "is not a key path; expected e.g. city.districts[0].population");
  };
  std::vector<PathSegment> segments;
  std::size_t at = 0;
  while (at <= path.size()) {
    const std::size_t end = path.find('.', at);
    std::string part = path.substr(at, end == std::string::npos ? std::string::npos : end - at);
    PathSegment segment;
    if (const std::size_t open = part.find('['); open != std::string::npos) {
      if (part.back() != ']' || open + 2 > part.size() - 1) throw malformed();
      const std::string digits = part.substr(open + 1, part.size() - open - 2);
      for (char c : digits) {
        if (!std::isdigit(static_cast<unsigned char>(c))) throw malformed();
      }
      segment.index = std::stoul(digits);
      part.resize(open);
    }
    if (part.empty()) throw malformed();
    segment.key = part;
    segments.push_back(segment);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return segments;
}

}  // namespace munisim::scenario_detail

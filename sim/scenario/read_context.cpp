#include "sim/scenario/detail/read_context.hpp"

namespace munisim::scenario_detail {

void ReadContext::forget_under(const std::string& path) {
  auto key_of = [](const auto& entry) -> const std::string& {
    if constexpr (std::is_same_v<std::decay_t<decltype(entry)>, std::string>) {
      return entry;
    } else {
      return entry.first;
    }
  };
  auto erase_prefix = [&](auto& container) {
    for (auto it = container.lower_bound(path); it != container.end() && key_of(*it).starts_with(path);) {
      it = container.erase(it);
    }
  };
  erase_prefix(given);
  erase_prefix(value_locations);
}

SourceLocation ReadContext::nearest(std::string path) const {
  while (true) {
    if (auto found = value_locations.find(path); found != value_locations.end()) return found->second;
    if (path.empty()) return {};
    const std::size_t cut = path.find_last_of(".[");
    path = cut == std::string::npos ? std::string() : path.substr(0, cut);
  }
}

std::string child_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string element_path(const std::string& list, std::size_t index) {
  return list + "[" + std::to_string(index) + "]";
}

}  // namespace munisim::scenario_detail

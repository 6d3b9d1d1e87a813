#include "tiny_city.hpp"

#include <fmt/format.h>

namespace munisim::property {
namespace {

constexpr const char* kIncomeLevels[] = {"low", "middle", "high"};

std::string district_name(int index) { return fmt::format("D{}", index); }

rc::Gen<TinyDistrict> tiny_districts() {
  return rc::gen::build<TinyDistrict>(
      // Above one 4096-agent block in all, so two threads really share the loops.
      rc::gen::set(&TinyDistrict::population, rc::gen::inRange(1500, 9000)),
      rc::gen::set(&TinyDistrict::area_km2, rc::gen::map(rc::gen::inRange(5, 60), [](int tenths) { return tenths / 10.0; })),
      rc::gen::set(&TinyDistrict::income_level, rc::gen::inRange(0, 3)),
      rc::gen::set(&TinyDistrict::poverty_share, rc::gen::map(rc::gen::inRange(0, 61), [](int hundredths) {
                     return hundredths / 100.0;
                   })));
}

rc::Gen<TinyLine> tiny_lines(int districts) {
  return rc::gen::build<TinyLine>(
      rc::gen::set(&TinyLine::districts,
                   rc::gen::map(rc::gen::inRange(0, districts), [districts](int first) {
                     return std::vector<int>{first, (first + 1) % districts};
                   })),
      rc::gen::set(&TinyLine::headway_min, rc::gen::inRange(3, 31)), rc::gen::set(&TinyLine::bus, rc::gen::arbitrary<bool>()));
}

}  // namespace

rc::Gen<TinyCity> tiny_cities() {
  return rc::gen::mapcat(rc::gen::inRange(1, 4), [](int district_count) {
    return rc::gen::build<TinyCity>(
        rc::gen::set(&TinyCity::days, rc::gen::inRange(2, 7)), rc::gen::set(&TinyCity::seed, rc::gen::inRange(1, 1000000)),
        rc::gen::set(&TinyCity::districts, rc::gen::container<std::vector<TinyDistrict>>(
                                               static_cast<std::size_t>(district_count), tiny_districts())),
        rc::gen::set(&TinyCity::dump_district, rc::gen::inRange(0, district_count)),
        rc::gen::set(&TinyCity::trucks, rc::gen::inRange(1, 5)), rc::gen::set(&TinyCity::capacity_t, rc::gen::inRange(2, 11)),
        rc::gen::set(&TinyCity::collection_days_per_week, rc::gen::inRange(1, 8)),
        rc::gen::set(&TinyCity::recyclers, rc::gen::inRange(0, 11)), rc::gen::set(&TinyCity::mobility, rc::gen::arbitrary<bool>()),
        rc::gen::set(&TinyCity::lines, district_count < 2 ? rc::gen::just(std::vector<TinyLine>{})
                                                          : rc::gen::container<std::vector<TinyLine>>(
                                                                static_cast<std::size_t>(district_count - 1),
                                                                tiny_lines(district_count))),
        rc::gen::set(&TinyCity::governance, rc::gen::arbitrary<bool>()),
        rc::gen::set(&TinyCity::integrated, rc::gen::arbitrary<bool>()));
  });
}

std::string to_scenario_yaml(const TinyCity& city) {
  std::string yaml = fmt::format(
      "name: tiny\nstart_date: 2025-01-27\ndays: {}\nseed: {}\ncity:\n  name: Tiny\n  sampling: 1\n  districts:\n",
      city.days, city.seed);
  for (std::size_t i = 0; i < city.districts.size(); ++i) {
    const TinyDistrict& d = city.districts[i];
    yaml += fmt::format("    - {{name: {}, population: {}, area_km2: {}, income_level: {}, poverty_share: {}}}\n",
                        district_name(static_cast<int>(i)), d.population, d.area_km2, kIncomeLevels[d.income_level],
                        d.poverty_share);
  }
  yaml += fmt::format(
      "  network: {{block_m: 250}}\n  facilities:\n    - {{name: Depot, kind: depot, district: D0}}\n"
      "    - {{name: Dump, kind: open_dump, district: {}, position: edge}}\n",
      district_name(city.dump_district));
  yaml += fmt::format(
      "waste:\n  collection: {{days_per_week: {}}}\n  fleet: {{trucks: {}, capacity_t: {}}}\n  recyclers: {{count: {}}}\n",
      city.collection_days_per_week, city.trucks, city.capacity_t, city.recyclers);
  yaml += fmt::format("mobility:\n  enabled: {}\n", city.mobility);
  if (city.mobility && !city.lines.empty()) {
    yaml += "  transit:\n    lines:\n";
    for (std::size_t i = 0; i < city.lines.size(); ++i) {
      const TinyLine& line = city.lines[i];
      yaml += fmt::format("      - {{name: L{}, districts: [{}, {}], headway_min: [0, {}, {}, {}, 0], vehicle: {}}}\n", i,
                          district_name(line.districts[0]), district_name(line.districts[1]), line.headway_min,
                          2 * line.headway_min, line.headway_min, line.bus ? "bus" : "combi");
    }
  }
  yaml += fmt::format("governance:\n  enabled: {}\n  model: {}\n", city.governance,
                      city.integrated ? "integrated" : "siloed");
  return yaml;
}

void showValue(const TinyCity& city, std::ostream& os) { os << "\n" << to_scenario_yaml(city); }

}  // namespace munisim::property

#include "sim/world/world.hpp"

#include <algorithm>
#include <numeric>

#include "sim/core/error.hpp"
#include "sim/core/state_archive.hpp"
#include "sim/model/wall_clock.hpp"
#include "sim/nation/national_agent.hpp"
#include "sim/world/world_ports.hpp"

namespace munisim {
namespace {

// What rank 0 needs of a city for the output.
struct CityResult {
  std::vector<SeriesData> series;
  std::vector<Table> tables;  // the city's /meta tables (provisioning)
};

std::vector<SeriesData> series_data(const MetricsRegistry& metrics, int days_run) {
  std::vector<SeriesData> all;
  for (const Series& series : metrics.all()) {
    const SeriesSpec& spec = series.spec();
    SeriesData data{spec.name, spec.unit, spec.description, summary_name(spec.summary), {"day"}, {}, {}, {}};
    data.shape.push_back(static_cast<std::size_t>(days_run));
    for (const Dimension& dim : spec.dims) {
      data.dims.push_back(dim.name);
      data.labels.push_back(dim.labels);
      data.shape.push_back(dim.labels.size());
    }
    const auto values = series.values();
    data.values.assign(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(series.cells() * days_run));
    all.push_back(std::move(data));
  }
  return all;
}

// What another rank sent of a city, as the registry it came from, over the days run.
std::unique_ptr<MetricsRegistry> registry_of(const std::vector<SeriesData>& sent, int days_run) {
  auto registry = std::make_unique<MetricsRegistry>(days_run);
  for (const SeriesData& data : sent) {
    SeriesSpec spec{data.name, data.unit, data.description, {}, summary_from_name(data.summary).value_or(Summary::none)};
    for (std::size_t d = 1; d < data.dims.size(); ++d) spec.dims.push_back({data.dims[d], data.labels[d - 1]});
    Series& series = registry->series(registry->add(std::move(spec)));
    for (int day = 0; day < days_run; ++day) {
      series.set_day(day, std::span(data.values).subspan(static_cast<std::size_t>(day) * series.cells(), series.cells()));
    }
  }
  return registry;
}

template <class T>
std::vector<unsigned char> to_bytes(T value) {
  StateWriter writer;
  SaveArchive archive(writer);
  archive(value);
  return writer.take();
}

template <class T>
T from_bytes(const std::vector<unsigned char>& bytes, const char* what) {
  T value{};
  StateReader reader(bytes, what);
  LoadArchive archive(reader);
  archive(value);
  return value;
}

// Each city's /meta tables of one name stacked into one, with a first column `city` (the
// municipality's label), so every record stays reachable per municipality.
std::vector<Table> stacked_tables(const std::vector<std::pair<std::string, std::vector<Table>>>& cities) {
  std::vector<Table> stacked;
  for (const auto& [label, tables] : cities) {
    for (const Table& table : tables) {
      auto found = std::find_if(stacked.begin(), stacked.end(), [&](const Table& t) { return t.name == table.name; });
      if (found == stacked.end()) {
        stacked.push_back(Table{.name = table.name, .numbers = table.numbers, .ints = table.ints, .texts = {}});
        for (auto& column : stacked.back().numbers) column.values.clear();
        for (auto& column : stacked.back().ints) column.values.clear();
        stacked.back().texts.push_back({"city", {}});
        for (const auto& column : table.texts) stacked.back().texts.push_back({column.name, {}});
        found = stacked.end() - 1;
      }
      const std::size_t rows = table.texts.empty() ? 0 : table.texts.front().values.size();
      found->texts.front().values.insert(found->texts.front().values.end(), rows, label);
      for (std::size_t c = 0; c < table.texts.size(); ++c) {
        auto& into = found->texts[c + 1].values;
        into.insert(into.end(), table.texts[c].values.begin(), table.texts[c].values.end());
      }
      for (std::size_t c = 0; c < table.numbers.size(); ++c) {
        auto& into = found->numbers[c].values;
        into.insert(into.end(), table.numbers[c].values.begin(), table.numbers[c].values.end());
      }
      for (std::size_t c = 0; c < table.ints.size(); ++c) {
        auto& into = found->ints[c].values;
        into.insert(into.end(), table.ints[c].values.begin(), table.ints[c].values.end());
      }
    }
  }
  return stacked;
}

Table municipalities_table(const std::vector<nation::MunicipalityProfile>& profiles,
                           const std::vector<std::string>& labels, const std::vector<std::string>& entries,
                           const std::vector<std::int64_t>& seeds, const std::vector<int>& owners) {
  Table table{.name = "municipalities"};
  Table::TextColumn label{"label", labels}, ubigeo{"ubigeo", {}}, name{"name", {}}, type{"incentive_type", {}},
      entry{"entry", entries};
  Table::NumberColumn population{"population", "persons", {}}, poverty{"poverty_share", "1", {}},
      rural{"rural_share", "1", {}}, area{"area_km2", "km2", {}}, sampling{"sampling", "persons/agent", {}};
  Table::IntColumn provincial{"provincial", {}}, seed{"seed", seeds}, rank{"rank", {}};
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    const nation::MunicipalityProfile& profile = profiles[i];
    ubigeo.values.push_back(profile.ubigeo);
    name.values.push_back(profile.name);
    type.values.push_back(profile.incentive_type);
    population.values.push_back(profile.population);
    poverty.values.push_back(profile.poverty_share);
    rural.values.push_back(profile.rural_share);
    area.values.push_back(profile.area_km2);
    sampling.values.push_back(profile.sampling);
    provincial.values.push_back(profile.provincial ? 1 : 0);
    rank.values.push_back(owners[i]);
  }
  table.texts = {label, ubigeo, name, type, entry};
  table.numbers = {population, poverty, rural, area, sampling};
  table.ints = {provincial, seed, rank};
  return table;
}

}  // namespace

std::vector<int> partition_by_agents(const std::vector<double>& agents, int ranks) {
  std::vector<std::size_t> order(agents.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return agents[a] > agents[b]; });
  std::vector<double> load(static_cast<std::size_t>(ranks), 0.0);
  std::vector<int> owners(agents.size(), 0);
  for (const std::size_t index : order) {
    const auto lightest = std::min_element(load.begin(), load.end());  // the first on ties
    owners[index] = static_cast<int>(lightest - load.begin());
    *lightest += agents[index];
  }
  return owners;
}

World::World(WorldScenario scenario, std::vector<WorldMunicipality> municipalities, int threads, Cluster* cluster,
             std::unique_ptr<nation::NationalAgent> agent, std::unique_ptr<MetricsRegistry> nation_series)
    : wall_start_(std::chrono::system_clock::now()),
      scenario_(std::move(scenario)),
      calendar_(scenario_.config.start_date),
      cluster_(cluster),
      parallel_(threads),
      agent_(std::move(agent)),
      nation_series_(nation_series ? std::move(nation_series)
                                   : std::make_unique<MetricsRegistry>(static_cast<int>(scenario_.config.days))),
      reports_(municipalities.size()),
      letters_(municipalities.size()) {
  std::vector<double> agents;
  for (const WorldMunicipality& municipality : municipalities) {
    profiles_.push_back(municipality.profile);
    labels_.push_back(municipality.label);
    entries_.push_back(municipality.entry);
    seeds_.push_back(municipality.resolved.scenario.config.seed);
    agents.push_back(municipality.profile.population / std::max(1.0, municipality.profile.sampling));
  }
  const int rank = cluster_ != nullptr ? cluster_->rank() : 0;
  owners_ = partition_by_agents(agents, cluster_ != nullptr ? cluster_->size() : 1);
  for (std::size_t i = 0; i < municipalities.size(); ++i) {
    if (owners_[i] == rank) local_.push_back(i);
  }
  ports_.resize(local_.size());
  cities_.resize(local_.size());
  // Each city on one thread: its parallel loops have fixed blocks, so its series are those of any
  // thread count; the world's threads take whole cities.
  for_each_chunk(parallel_, local_.size(), 1, [&](std::size_t begin, std::size_t, std::size_t) {
    std::unique_ptr<WorldPorts>& ports = ports_[begin];
    cities_[begin] = std::make_unique<Simulation>(std::move(municipalities[local_[begin]].resolved), 1,
                                                  default_loop_backend(), [&](Registration& registration) {
                                                    ports = std::make_unique<WorldPorts>(registration);
                                                  });
  });
  for (const auto& city : cities_) local_agents_ += city->city().citizens.size();
}

World::~World() = default;

std::unique_ptr<World> make_world(WorldScenario scenario, std::vector<WorldMunicipality> municipalities, int threads,
                                  Cluster* cluster) {
  const auto seed = static_cast<std::uint64_t>(city_seed(scenario.config.seed, "nation"));
  auto world = std::make_unique<World>(std::move(scenario), std::move(municipalities), threads, cluster);
  // The agent keeps references to its config, the profiles and the calendar: the world's own, which
  // live as long as it.
  world->agent_ = nation::make_national_agent(world->scenario_.config.nation, world->profiles_, world->calendar_,
                                              *world->nation_series_, seed);
  return world;
}

const Simulation* World::city(std::size_t index) const {
  const auto found = std::lower_bound(local_.begin(), local_.end(), index);
  return found != local_.end() && *found == index ? cities_[static_cast<std::size_t>(found - local_.begin())].get()
                                                  : nullptr;
}

std::size_t World::citizen_agents() const {
  if (cluster_ == nullptr || cluster_->size() == 1) return local_agents_;
  std::size_t total = 0;
  for (const auto& bytes : cluster_->all_gather(to_bytes(local_agents_))) {
    total += from_bytes<std::size_t>(bytes, "citizen agents");
  }
  return total;
}

void World::step(int days, const std::atomic<bool>* stop, const ProgressFn& progress) {
  const bool shared = cluster_ != nullptr && cluster_->size() > 1;
  const int last = std::min(days_planned(), days_run_ + days);
  while (days_run_ < last) {
    const bool stopping = stop != nullptr && stop->load();
    if (shared ? cluster_->broadcast({stopping ? 1u : 0u}).front() != 0 : stopping) throw Interrupted();
    // Each city files its day's report in its own slot, on the thread that ran it.
    for_each_chunk(parallel_, local_.size(), 1, [&](std::size_t k, std::size_t, std::size_t) {
      cities_[k]->step(1);
      reports_[local_[k]] = ports_[k]->reports.value();
    });
    if (shared) {
      std::vector<nation::MunicipalityReport> mine;
      for (const std::size_t index : local_) mine.push_back(reports_[index]);
      const auto all = cluster_->all_gather(to_bytes(std::move(mine)));
      std::vector<std::size_t> next(all.size(), 0);
      std::vector<std::vector<nation::MunicipalityReport>> by_rank;
      for (const auto& bytes : all) by_rank.push_back(from_bytes<std::vector<nation::MunicipalityReport>>(bytes, "reports"));
      for (std::size_t i = 0; i < reports_.size(); ++i) {
        const auto owner = static_cast<std::size_t>(owners_[i]);
        reports_[i] = std::move(by_rank[owner][next[owner]++]);
      }
    }
    if (agent_) {
      std::fill(letters_.begin(), letters_.end(), nation::Letter{});
      agent_->exchange(days_run_, reports_, letters_);
      for (std::size_t k = 0; k < local_.size(); ++k) ports_[k]->letters.set_between_days(letters_[local_[k]]);
    }
    ++days_run_;
    if (progress) progress(days_run_, days_planned());
  }
}

void World::run(const std::atomic<bool>* stop, const ProgressFn& progress) {
  step(days_planned() - days_run_, stop, progress);
}

WorldContent World::output() const {
  WorldContent content;
  std::vector<const MetricsRegistry*> series(labels_.size(), nullptr);
  std::vector<std::vector<Table>> tables(labels_.size());
  for (std::size_t k = 0; k < local_.size(); ++k) {
    series[local_[k]] = &cities_[k]->metrics();
    tables[local_[k]] = cities_[k]->meta_tables();
  }
  if (cluster_ != nullptr && cluster_->size() > 1) {
    // The other ranks send rank 0 copies of their cities' series (made on the run's threads: fresh
    // memory, whose pages the kernel clears); rank 0 reads its own where they are.
    std::vector<std::pair<std::size_t, CityResult>> mine;
    if (cluster_->rank() != 0) {
      mine.resize(local_.size());
      for_each_chunk(parallel_, local_.size(), 1, [&](std::size_t k, std::size_t, std::size_t) {
        mine[k] = {local_[k], CityResult{series_data(cities_[k]->metrics(), days_run_), std::move(tables[local_[k]])}};
      });
    }
    const std::vector<std::vector<unsigned char>> sent = cluster_->gather(to_bytes(std::move(mine)));
    if (cluster_->rank() != 0) return {};
    for (const std::vector<unsigned char>& bytes : sent) {
      for (auto& [index, result] : from_bytes<std::vector<std::pair<std::size_t, CityResult>>>(bytes, "cities")) {
        content.received.push_back(registry_of(result.series, days_run_));
        series[index] = content.received.back().get();
        tables[index] = std::move(result.tables);
      }
    }
  }

  RunMeta& meta = content.meta;
  meta = run_meta(scenario_, threads(), days_planned(), days_run_, wall_start_);
  meta.ranks = cluster_ != nullptr ? cluster_->size() : 1;
  meta.text_attrs = {{"kind", kWorldOutputKind}};
  meta.number_attrs = {{"municipalities", static_cast<double>(labels_.size())}};
  content.scenario_text = scenario_.text;
  content.resolved_yaml = scenario_.resolved_yaml;
  content.meta_tables.push_back(municipalities_table(profiles_, labels_, entries_, seeds_, owners_));
  std::vector<std::pair<std::string, std::vector<Table>>> city_tables;
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    city_tables.emplace_back(labels_[i], std::move(tables[i]));
    content.municipalities.push_back({labels_[i], series[i]});
  }
  for (Table& table : stacked_tables(city_tables)) content.meta_tables.push_back(std::move(table));
  content.nation = nation_series_.get();
  return content;
}

}  // namespace munisim

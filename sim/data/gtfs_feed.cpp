#include "sim/data/gtfs_feed.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "sim/core/error.hpp"
#include "sim/data/csv.hpp"
#include "sim/data/feed_files.hpp"

namespace munisim {
namespace {

using IdIndex = std::unordered_map<std::string, std::uint32_t>;

constexpr int kMaxInt = std::numeric_limits<int>::max();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

void trim(std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) {
    text.clear();
    return;
  }
  text.erase(text.find_last_not_of(" \t") + 1);
  text.erase(0, first);
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <class T>
std::optional<T> parse_whole(std::string_view text) {
  T value{};
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc{} || stop != end) return std::nullopt;
  return value;
}

// H:MM:SS or HH:MM:SS; hours pass 24 for trips that run past midnight.
std::optional<int> seconds_after_midnight(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon > 3 || text.size() != colon + 6 || text[colon + 3] != ':') {
    return std::nullopt;
  }
  const std::string_view hours = text.substr(0, colon), minutes = text.substr(colon + 1, 2);
  const std::string_view seconds = text.substr(colon + 4, 2);
  if (!all_digits(hours) || !all_digits(minutes) || !all_digits(seconds)) return std::nullopt;
  const int m = *parse_whole<int>(minutes), s = *parse_whole<int>(seconds);
  if (m > 59 || s > 59) return std::nullopt;
  return *parse_whole<int>(hours) * 3600 + m * 60 + s;
}

// One member of the feed with its fields trimmed. Each row is a record named after its key column
// ("trip 'T1'"), so that messages give the member, the line and the record.
class Table {
 public:
  Table(const FeedFiles& files, const std::string& name, std::string noun, const std::string& key)
      : csv_(parse_csv(files.read(name), files.describe(name), ',')), noun_(std::move(noun)) {
    for (std::string& field : csv_.header) trim(field);
    for (auto& row : csv_.rows) std::for_each(row.begin(), row.end(), trim);
    key_ = column(key);
  }

  [[nodiscard]] std::size_t size() const { return csv_.rows.size(); }
  [[nodiscard]] std::size_t key() const { return key_; }
  [[nodiscard]] std::size_t column(const std::string& name) const { return csv_.column(name); }
  [[nodiscard]] const std::string& header(std::size_t column) const { return csv_.header[column]; }
  [[nodiscard]] std::optional<std::size_t> optional_column(const std::string& name) const {
    const auto found = std::find(csv_.header.begin(), csv_.header.end(), name);
    if (found == csv_.header.end()) return std::nullopt;
    return static_cast<std::size_t>(found - csv_.header.begin());
  }
  [[nodiscard]] const std::string& text(std::size_t row, std::size_t column) const { return csv_.rows[row][column]; }
  [[nodiscard]] std::string text_or_blank(std::size_t row, std::optional<std::size_t> column) const {
    return column ? text(row, *column) : std::string();
  }
  [[nodiscard]] std::string record(std::size_t row) const { return noun_ + " '" + text(row, key_) + "'"; }

  [[noreturn]] void fail(std::size_t row, const std::string& problem) const {
    throw InputError({csv_.file.string(), csv_.lines[row], 0}, "", problem);
  }
  [[noreturn]] void fail_value(std::size_t row, std::size_t column, const std::string& expected) const {
    fail(row, record(row) + " has " + header(column) + " '" + text(row, column) + "'; expected " + expected);
  }

  // The id in the key column, under the next index; InputError when blank or repeated.
  const std::string& add_key(std::size_t row, IdIndex& ids) const {
    const std::string& id = text(row, key_);
    if (id.empty()) fail(row, "has a blank " + header(key_));
    if (!ids.emplace(id, static_cast<std::uint32_t>(ids.size())).second) {
      fail(row, "repeats " + header(key_) + " '" + id + "'");
    }
    return id;
  }
  // The index of the id the row names in column; InputError when the feed has no such kind.
  [[nodiscard]] std::uint32_t lookup(std::size_t row, std::size_t column, const IdIndex& ids,
                                     const std::string& kind) const {
    const auto found = ids.find(text(row, column));
    if (found != ids.end()) return found->second;
    const std::string prefix = column == key_ ? "" : record(row) + " names ";
    fail(row, prefix + "unknown " + kind + " '" + text(row, column) + "'");
  }

  template <class T>
  [[nodiscard]] T value(std::size_t row, std::size_t column, T low, T high, const std::string& expected) const {
    const std::optional<T> parsed = parse_whole<T>(text(row, column));
    if (!parsed || !(low <= *parsed && *parsed <= high)) fail_value(row, column, expected);  // NaN fails too
    return *parsed;
  }
  // Seconds after midnight; -1 for a blank field where blank_allowed.
  [[nodiscard]] int time(std::size_t row, std::size_t column, bool blank_allowed) const {
    if (blank_allowed && text(row, column).empty()) return -1;
    const std::optional<int> seconds = seconds_after_midnight(text(row, column));
    if (!seconds) fail_value(row, column, "a time HH:MM:SS");
    return *seconds;
  }
  [[nodiscard]] LonLat position(std::size_t row, std::size_t lat_column, std::size_t lon_column) const {
    const double lat = value(row, lat_column, -90.0, 90.0, "degrees from -90 to 90");
    return {value(row, lon_column, -180.0, 180.0, "degrees from -180 to 180"), lat};
  }
  [[nodiscard]] const std::string& date(std::size_t row, std::size_t column) const {
    if (text(row, column).size() != 8 || !all_digits(text(row, column))) fail_value(row, column, "a date YYYYMMDD");
    return text(row, column);
  }

 private:
  CsvTable csv_;
  std::string noun_;
  std::size_t key_ = 0;
};

Table required_table(const FeedFiles& files, const std::string& name, std::string noun, const std::string& key) {
  if (!files.has(name)) throw InputError({files.path().string(), 0, 0}, "", "required file " + name + " is missing");
  return Table(files, name, std::move(noun), key);
}

std::optional<Table> optional_table(const FeedFiles& files, const std::string& name, std::string noun,
                                    const std::string& key) {
  if (!files.has(name)) return std::nullopt;
  return Table(files, name, std::move(noun), key);
}

// A stop or shape point with its sequence number and row, for sorting and messages.
template <class T>
struct Sequenced {
  int sequence = 0;
  std::size_t row = 0;
  T value{};
};

// Sorts one trip's stops or one shape's points; a repeated sequence number fails at its second row.
template <class T>
void sort_by_sequence(std::vector<Sequenced<T>>& items, const Table& table, std::size_t sequence_column) {
  std::sort(items.begin(), items.end(), [](const Sequenced<T>& a, const Sequenced<T>& b) {
    return a.sequence != b.sequence ? a.sequence < b.sequence : a.row < b.row;
  });
  const auto repeat = std::adjacent_find(items.begin(), items.end(), [](const Sequenced<T>& a, const Sequenced<T>& b) {
    return a.sequence == b.sequence;
  });
  if (repeat != items.end()) {
    const std::size_t row = std::next(repeat)->row;
    table.fail(
        row, table.record(row) + " repeats " + table.header(sequence_column) + " " + table.text(row, sequence_column));
  }
}

struct StopTime {
  std::uint32_t stop = 0;
  int departure_s = -1;
};

// Reads the members in dependency order, keeping each kind's id index for the references after it.
class FeedReader {
 public:
  explicit FeedReader(const FeedFiles& files) : files_(files) { feed_.source = files.path().string(); }

  GtfsFeed read() && {
    read_stops();
    read_routes();
    read_trips();
    read_stop_times();
    read_frequencies();
    read_shapes();
    read_fares();
    read_calendar();
    return std::move(feed_);
  }

 private:
  void read_stops() {
    const Table table = required_table(files_, "stops.txt", "stop", "stop_id");
    const auto name = table.optional_column("stop_name");
    const std::size_t lat = table.column("stop_lat"), lon = table.column("stop_lon");
    for (std::size_t row = 0; row < table.size(); ++row) {
      feed_.stops.push_back(
          {table.add_key(row, stop_ids_), table.text_or_blank(row, name), table.position(row, lat, lon)});
    }
  }

  void read_routes() {
    const Table table = required_table(files_, "routes.txt", "route", "route_id");
    const auto agency = table.optional_column("agency_id"), short_name = table.optional_column("route_short_name");
    const auto long_name = table.optional_column("route_long_name");
    const std::size_t type = table.column("route_type");
    for (std::size_t row = 0; row < table.size(); ++row) {
      feed_.routes.push_back({table.add_key(row, route_ids_), table.text_or_blank(row, agency),
                              table.text_or_blank(row, short_name), table.text_or_blank(row, long_name),
                              table.value(row, type, 0, kMaxInt, "a non-negative integer")});
    }
  }

  void read_trips() {
    const Table table = required_table(files_, "trips.txt", "trip", "trip_id");
    const std::size_t route = table.column("route_id"), service = table.column("service_id");
    const auto shape = table.optional_column("shape_id"), direction = table.optional_column("direction_id");
    for (std::size_t row = 0; row < table.size(); ++row) {
      GtfsTrip& trip = feed_.trips.emplace_back();
      trip.id = table.add_key(row, trip_ids_);
      (void)table.lookup(row, route, route_ids_, "route");
      trip.route_id = table.text(row, route);
      trip.service_id = table.text(row, service);
      trip.shape_id = table.text_or_blank(row, shape);
      const bool has_direction = direction && !table.text(row, *direction).empty();
      trip.direction = has_direction ? table.value(row, *direction, 0, 1, "0 or 1") : 0;
    }
  }

  void read_stop_times() {
    const Table table = required_table(files_, "stop_times.txt", "trip", "trip_id");
    const std::size_t stop = table.column("stop_id"), sequence = table.column("stop_sequence");
    const auto departure = table.optional_column("departure_time");
    std::vector<std::vector<Sequenced<StopTime>>> by_trip(feed_.trips.size());
    for (std::size_t row = 0; row < table.size(); ++row) {
      const std::uint32_t trip = table.lookup(row, table.key(), trip_ids_, "trip");
      const StopTime stop_time{table.lookup(row, stop, stop_ids_, "stop"),
                               departure ? table.time(row, *departure, true) : -1};
      by_trip[trip].push_back({table.value(row, sequence, 0, kMaxInt, "a non-negative integer"), row, stop_time});
    }
    for (std::size_t t = 0; t < by_trip.size(); ++t) {
      sort_by_sequence(by_trip[t], table, sequence);
      for (const auto& item : by_trip[t]) {
        feed_.trips[t].stops.push_back(item.value.stop);
        feed_.trips[t].departure_s.push_back(item.value.departure_s);
      }
    }
  }

  void read_frequencies() {
    const auto table = optional_table(files_, "frequencies.txt", "frequency of trip", "trip_id");
    if (!table) return;
    const std::size_t start = table->column("start_time"), end = table->column("end_time");
    const std::size_t headway = table->column("headway_secs");
    for (std::size_t row = 0; row < table->size(); ++row) {
      feed_.frequencies.push_back({table->lookup(row, table->key(), trip_ids_, "trip"), table->time(row, start, false),
                                   table->time(row, end, false),
                                   table->value(row, headway, 1, kMaxInt, "a positive number of seconds")});
    }
  }

  void read_shapes() {
    const auto table = optional_table(files_, "shapes.txt", "shape", "shape_id");
    if (!table) return;
    const std::size_t lat = table->column("shape_pt_lat"), lon = table->column("shape_pt_lon");
    const std::size_t sequence = table->column("shape_pt_sequence");
    IdIndex shape_ids;
    std::vector<std::vector<Sequenced<LonLat>>> points;
    for (std::size_t row = 0; row < table->size(); ++row) {
      const auto [found, added] =
          shape_ids.emplace(table->text(row, table->key()), static_cast<std::uint32_t>(points.size()));
      if (added) {
        feed_.shapes.push_back({found->first, {}});
        points.emplace_back();
      }
      points[found->second].push_back(
          {table->value(row, sequence, 0, kMaxInt, "a non-negative integer"), row, table->position(row, lat, lon)});
    }
    for (std::size_t s = 0; s < points.size(); ++s) {
      sort_by_sequence(points[s], *table, sequence);
      for (const auto& point : points[s]) feed_.shapes[s].points.push_back(point.value);
    }
  }

  void read_fares() {
    IdIndex fare_ids;
    if (const auto table = optional_table(files_, "fare_attributes.txt", "fare", "fare_id")) {
      const std::size_t price = table->column("price"), currency = table->column("currency_type");
      for (std::size_t row = 0; row < table->size(); ++row) {
        feed_.fares.push_back({table->add_key(row, fare_ids),
                               table->value(row, price, 0.0, kInfinity, "a non-negative number"),
                               table->text(row, currency),
                               {}});
      }
    }
    const auto table = optional_table(files_, "fare_rules.txt", "fare", "fare_id");
    if (!table) return;
    const auto route = table->optional_column("route_id");  // rules may go by zones instead
    for (std::size_t row = 0; row < table->size(); ++row) {
      std::vector<std::string>& routes = feed_.fares[table->lookup(row, table->key(), fare_ids, "fare")].route_ids;
      if (!route || table->text(row, *route).empty()) continue;
      (void)table->lookup(row, *route, route_ids_, "route");
      if (std::find(routes.begin(), routes.end(), table->text(row, *route)) == routes.end()) {
        routes.push_back(table->text(row, *route));
      }
    }
  }

  void read_calendar() {
    const auto table = optional_table(files_, "calendar.txt", "service", "service_id");
    if (!table) return;
    constexpr std::array<const char*, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};
    std::array<std::size_t, 7> days{};
    for (std::size_t d = 0; d < days.size(); ++d) days[d] = table->column(kDays[d]);
    const std::size_t start = table->column("start_date"), end = table->column("end_date");
    IdIndex service_ids;
    for (std::size_t row = 0; row < table->size(); ++row) {
      GtfsService& service = feed_.services.emplace_back();
      service.id = table->add_key(row, service_ids);
      for (std::size_t d = 0; d < days.size(); ++d)
        service.weekdays[d] = table->value(row, days[d], 0, 1, "0 or 1") == 1;
      service.start_date = table->date(row, start);
      service.end_date = table->date(row, end);
    }
  }

  const FeedFiles& files_;
  GtfsFeed feed_;
  IdIndex stop_ids_, route_ids_, trip_ids_;
};

template <class T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  const auto found = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return found == items.end() ? nullptr : &*found;
}

}  // namespace

const GtfsRoute* GtfsFeed::route(const std::string& id) const { return find_by_id(routes, id); }
const GtfsShape* GtfsFeed::shape(const std::string& id) const { return find_by_id(shapes, id); }


GtfsFeed read_gtfs(const std::filesystem::path& zip_or_directory) {
  const FeedFiles files = FeedFiles::open(zip_or_directory);
  return FeedReader(files).read();
}

}  // namespace munisim

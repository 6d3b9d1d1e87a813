// The GTFS reader on a hand-written feed with exact values (as a folder and as a zip), on broken
// feeds whose messages must lead to the member, line and record, and on the three real feeds.
#include "sim/data/gtfs_feed.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "sim/core/error.hpp"
#include "sim/data/csv.hpp"
#include "sim/data/feed_files.hpp"

namespace munisim {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kFixtures = std::filesystem::path(MUNISIM_SOURCE_DIR) / "tests/data/fixtures";
const std::filesystem::path kTinyDir = kFixtures / "gtfs-tiny";
const std::filesystem::path kTinyZip = kFixtures / "gtfs-tiny.zip";

std::filesystem::path temp_path(const std::string& name) { return std::filesystem::path(::testing::TempDir()) / name; }

// The message read_gtfs throws for the feed, or "" when it reads the feed.
std::string error_of(const std::filesystem::path& feed) {
  try {
    (void)read_gtfs(feed);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

// Every parsed value as text, to compare two feeds as a whole.
std::string dump(const GtfsFeed& feed) {
  std::ostringstream out;
  out.precision(12);
  for (const GtfsStop& s : feed.stops)
    out << "stop " << s.id << '|' << s.name << '|' << s.position.lon << '|' << s.position.lat << '\n';
  for (const GtfsRoute& r : feed.routes) {
    out << "route " << r.id << '|' << r.agency_id << '|' << r.short_name << '|' << r.long_name << '|' << r.type << '\n';
  }
  for (const GtfsTrip& t : feed.trips) {
    out << "trip " << t.id << '|' << t.route_id << '|' << t.service_id << '|' << t.shape_id << '|' << t.direction;
    for (std::size_t i = 0; i < t.stops.size(); ++i) out << ' ' << t.stops[i] << '@' << t.departure_s[i];
    out << '\n';
  }
  for (const GtfsFrequency& f : feed.frequencies) {
    out << "frequency " << f.trip << '|' << f.start_s << '|' << f.end_s << '|' << f.headway_s << '\n';
  }
  for (const GtfsShape& s : feed.shapes) {
    out << "shape " << s.id;
    for (const LonLat& p : s.points) out << ' ' << p.lon << ',' << p.lat;
    out << '\n';
  }
  for (const GtfsFare& f : feed.fares) {
    out << "fare " << f.id << '|' << f.price << '|' << f.currency;
    for (const std::string& route : f.route_ids) out << ' ' << route;
    out << '\n';
  }
  for (const GtfsService& s : feed.services) {
    out << "service " << s.id << '|';
    for (bool day : s.weekdays) out << day;
    out << '|' << s.start_date << '|' << s.end_date << '\n';
  }
  return out.str();
}

std::vector<double> coordinates(const std::vector<LonLat>& points) {
  std::vector<double> values;
  for (const LonLat& p : points) values.insert(values.end(), {p.lon, p.lat});
  return values;
}

// The fixture's peculiarities: stops.txt has a byte order mark, CRLF line ends, quoted names and
// spaces around a latitude; routes.txt keeps a quote inside an unquoted name; stop_times.txt lists
// stop_sequence out of order (5, 10, 20 sort differently as text) with a blank departure, times
// past midnight and a one-digit hour; trip TA1 names shape SHA1, which the feed lacks.
TEST(GtfsFeed, TinyFeedFromFolderHasExactValues) {
  const GtfsFeed feed = read_gtfs(kTinyDir);
  EXPECT_EQ(feed.source, kTinyDir.string());

  ASSERT_EQ(feed.stops.size(), 5u);
  EXPECT_EQ(feed.stops[0].id, "S1");
  EXPECT_EQ(feed.stops[0].name, "Plaza de Armas");
  EXPECT_DOUBLE_EQ(feed.stops[0].position.lon, -79.0288);
  EXPECT_DOUBLE_EQ(feed.stops[0].position.lat, -8.1116);
  EXPECT_EQ(feed.stops[1].name, "Av. España, cuadra 3");
  EXPECT_DOUBLE_EQ(feed.stops[2].position.lat, -8.1130);
  EXPECT_EQ(feed.stops[3].name, "Óvalo Grau");
  EXPECT_EQ(feed.stops[4].id, "S5");
  EXPECT_EQ(feed.stops[4].name, "Terminal \"La Hermelinda\"");
  EXPECT_DOUBLE_EQ(feed.stops[4].position.lon, -79.0050);

  ASSERT_EQ(feed.routes.size(), 2u);
  EXPECT_EQ(feed.routes[0].id, "RA");
  EXPECT_EQ(feed.routes[0].agency_id, "A1");
  EXPECT_EQ(feed.routes[0].short_name, "A \"K\"");
  EXPECT_EQ(feed.routes[0].long_name, "Plaza de Armas - Mercado Central");
  EXPECT_EQ(feed.routes[0].type, 3);
  EXPECT_EQ(feed.routes[1].type, 700);

  ASSERT_EQ(feed.trips.size(), 3u);
  const GtfsTrip& ta0 = feed.trips[0];
  EXPECT_EQ(ta0.id, "TA0");
  EXPECT_EQ(ta0.route_id, "RA");
  EXPECT_EQ(ta0.service_id, "WK");
  EXPECT_EQ(ta0.shape_id, "SHA0");
  EXPECT_EQ(ta0.direction, 0);
  EXPECT_EQ(ta0.stops, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(ta0.departure_s, (std::vector<int>{6 * 3600, -1, 6 * 3600 + 10 * 60 + 30}));
  const GtfsTrip& ta1 = feed.trips[1];
  EXPECT_EQ(ta1.direction, 1);
  EXPECT_EQ(ta1.stops, (std::vector<std::uint32_t>{2, 1, 0}));
  EXPECT_EQ(ta1.departure_s, (std::vector<int>{24 * 3600, 24 * 3600 + 300, 24 * 3600 + 600}));
  const GtfsTrip& tb0 = feed.trips[2];
  EXPECT_EQ(tb0.route_id, "RB");
  EXPECT_EQ(tb0.service_id, "ALL");
  EXPECT_EQ(tb0.direction, 0);
  EXPECT_EQ(tb0.stops, (std::vector<std::uint32_t>{2, 3, 4}));
  EXPECT_EQ(tb0.departure_s, (std::vector<int>{7 * 3600, 7 * 3600 + 480, 7 * 3600 + 900}));

  ASSERT_EQ(feed.frequencies.size(), 3u);
  const auto frequency = [&](std::size_t i) {
    const GtfsFrequency& f = feed.frequencies[i];
    return std::vector<int>{static_cast<int>(f.trip), f.start_s, f.end_s, f.headway_s};
  };
  EXPECT_EQ(frequency(0), (std::vector<int>{0, 6 * 3600, 9 * 3600, 300}));
  EXPECT_EQ(frequency(1), (std::vector<int>{0, 9 * 3600, 20 * 3600 + 1800, 600}));
  EXPECT_EQ(frequency(2), (std::vector<int>{2, 5 * 3600 + 1800, 25 * 3600, 900}));

  ASSERT_EQ(feed.shapes.size(), 2u);
  EXPECT_EQ(feed.shapes[0].id, "SHA0");
  EXPECT_EQ(coordinates(feed.shapes[0].points),
            (std::vector<double>{-79.0288, -8.1116, -79.0310, -8.1090, -79.0260, -8.1130}));
  EXPECT_EQ(feed.shapes[1].id, "SHB");
  EXPECT_EQ(coordinates(feed.shapes[1].points),
            (std::vector<double>{-79.0260, -8.1130, -79.0200, -8.1200, -79.0050, -8.0950}));

  ASSERT_EQ(feed.fares.size(), 2u);
  EXPECT_EQ(feed.fares[0].id, "F1");
  EXPECT_DOUBLE_EQ(feed.fares[0].price, 1.5);
  EXPECT_EQ(feed.fares[0].currency, "PEN");
  EXPECT_EQ(feed.fares[0].route_ids, (std::vector<std::string>{"RA"}));
  EXPECT_DOUBLE_EQ(feed.fares[1].price, 2);
  EXPECT_EQ(feed.fares[1].route_ids, (std::vector<std::string>{"RB"}));  // named twice, and a zone rule

  ASSERT_EQ(feed.services.size(), 2u);
  EXPECT_EQ(feed.services[0].id, "WK");
  EXPECT_EQ(feed.services[0].weekdays, (std::array<bool, 7>{true, true, true, true, true, false, false}));
  EXPECT_EQ(feed.services[0].start_date, "20250101");
  EXPECT_EQ(feed.services[0].end_date, "20251231");
  EXPECT_EQ(feed.services[1].weekdays, (std::array<bool, 7>{true, true, true, true, true, true, true}));
}

TEST(GtfsFeed, LookupsById) {
  const GtfsFeed feed = read_gtfs(kTinyDir);
  EXPECT_EQ(feed.route("RB"), &feed.routes[1]);
  EXPECT_EQ(feed.route("RZ"), nullptr);
  EXPECT_EQ(feed.shape("SHB"), &feed.shapes[1]);
  EXPECT_EQ(feed.shape(feed.trips[1].shape_id), nullptr);  // SHA1 is not in shapes.txt
}

TEST(GtfsFeed, ZipAndFolderGiveTheSameFeed) {
  const GtfsFeed zipped = read_gtfs(kTinyZip);
  EXPECT_EQ(zipped.source, kTinyZip.string());
  EXPECT_EQ(dump(zipped), dump(read_gtfs(kTinyDir)));
  EXPECT_EQ(zipped.stops.size(), 5u);
}

TEST(FeedFiles, ReadsAndDescribesMembersOfZipAndFolder) {
  const FeedFiles zipped = FeedFiles::open(kTinyZip);
  const FeedFiles folder = FeedFiles::open(kTinyDir);
  EXPECT_EQ(zipped.describe("stops.txt"), kTinyZip.string() + ":stops.txt");
  EXPECT_EQ(folder.describe("stops.txt"), (kTinyDir / "stops.txt").string());
  EXPECT_TRUE(zipped.has("agency.txt"));
  EXPECT_TRUE(folder.has("agency.txt"));
  EXPECT_FALSE(zipped.has("feed_info.txt"));
  EXPECT_FALSE(folder.has("feed_info.txt"));
  EXPECT_EQ(zipped.read("stops.txt"), folder.read("stops.txt"));
  EXPECT_THAT(zipped.read("stops.txt"), ::testing::StartsWith("\xEF\xBB\xBFstop_id,"));
  try {
    (void)zipped.read("feed_info.txt");
    FAIL() << "an absent member was read";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()), kTinyZip.string() + ":feed_info.txt: is not in the archive");
  }
}

TEST(ParseCsv, CrlfQuotesInsideFieldsAndLinesOfMultilineRecords) {
  const CsvTable table = parse_csv("a,b\r\n\r\n1,\"two\r\nlines\"\r\nC-01 \"B\",x\r\n", "member.txt", ',');
  EXPECT_EQ(table.file, "member.txt");
  EXPECT_EQ(table.header, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0][1], "two\r\nlines");
  EXPECT_EQ(table.rows[1][0], "C-01 \"B\"");
  EXPECT_EQ(table.lines, (std::vector<int>{3, 5}));
}

TEST(GtfsFeed, MissingRequiredFileNamesIt) {
  const std::filesystem::path feed = kFixtures / "gtfs-missing-file";
  EXPECT_EQ(error_of(feed), feed.string() + ": required file stop_times.txt is missing");
}

TEST(GtfsFeed, UnknownStopNamesMemberLineAndTrip) {
  const std::filesystem::path feed = kFixtures / "gtfs-unknown-stop";
  try {
    (void)read_gtfs(feed);
    FAIL() << "a stop time naming an unknown stop was accepted";
  } catch (const InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("gtfs-unknown-stop/stop_times.txt:3: trip 'T9' names unknown stop 'S404'"));
    EXPECT_EQ(error.where().file, (feed / "stop_times.txt").string());
    EXPECT_EQ(error.where().line, 3);
  }
}

TEST(GtfsFeed, TruncatedZipIsAnInputErrorNamingIt) {
  const std::filesystem::path truncated = temp_path("gtfs-truncated.zip");
  std::filesystem::copy_file(kTinyZip, truncated, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::resize_file(truncated, std::filesystem::file_size(kTinyZip) / 2);
  EXPECT_EQ(error_of(truncated),
            truncated.string() + ": is neither a folder nor a readable zip archive (Not a zip archive)");
}

TEST(GtfsFeed, DamagedZipMemberIsAnInputErrorNamingIt) {
  // Flip bytes in the compressed data of stop_times.txt: the archive opens, the member does not read.
  std::ifstream in(kTinyZip, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t data = bytes.find("stop_times.txt") + std::string("stop_times.txt").size();
  for (std::size_t i = data + 10; i < data + 20; ++i) bytes[i] = static_cast<char>(~bytes[i]);
  const std::filesystem::path damaged = temp_path("gtfs-damaged.zip");
  std::ofstream(damaged, std::ios::binary) << bytes;
  EXPECT_THAT(error_of(damaged), ::testing::StartsWith(damaged.string() + ":stop_times.txt: is damaged: "));
}

TEST(GtfsFeed, AbsentPathOrPlainFileIsAnInputError) {
  const std::filesystem::path absent = kFixtures / "gtfs-nowhere.zip";
  EXPECT_EQ(error_of(absent), absent.string() + ": does not exist");
  EXPECT_EQ(error_of(kTinyDir / "stops.txt"),
            (kTinyDir / "stops.txt").string() + ": is neither a folder nor a readable zip archive (Not a zip archive)");
}

// A copy of the tiny feed in which one member reads `text`.
std::filesystem::path tiny_with(const std::string& member, const std::string& text) {
  const std::filesystem::path feed = temp_path("gtfs-variant");
  std::filesystem::remove_all(feed);
  std::filesystem::copy(kTinyDir, feed);
  std::ofstream(feed / member, std::ios::binary) << text;
  return feed;
}

TEST(GtfsFeed, MalformedRecordsNameMemberLineAndRecord) {
  const std::string stops = "stop_id,stop_name,stop_lat,stop_lon\nS1,a,-8.1,-79.0\nS2,b,-8.2,-79.1\n";
  const std::string stop_times = "trip_id,stop_id,stop_sequence,departure_time\nTA0,S1,1,06:00:00\n";
  const struct {
    std::string member, text, message;
  } cases[] = {
      {"stops.txt", "stop_id,stop_name,stop_lon\nS1,a,-79.0\n", "stops.txt:1: has no column 'stop_lat'"},
      {"stops.txt", "stop_id,stop_name,stop_lat,stop_lon\nS1,a,-91,-79.0\n",
       "stops.txt:2: stop 'S1' has stop_lat '-91'; expected degrees from -90 to 90"},
      {"stops.txt", "stop_id,stop_name,stop_lat,stop_lon\nS1,a,-8.1,west\n",
       "stops.txt:2: stop 'S1' has stop_lon 'west'; expected degrees from -180 to 180"},
      {"stops.txt", stops + "S1,c,-8.3,-79.2\n", "stops.txt:4: repeats stop_id 'S1'"},
      {"trips.txt", "route_id,service_id,trip_id\nRZ,WK,TA0\n", "trips.txt:2: trip 'TA0' names unknown route 'RZ'"},
      {"stop_times.txt", stop_times + "TX,S1,2,06:05:00\n", "stop_times.txt:3: unknown trip 'TX'"},
      {"stop_times.txt", stop_times + "TA0,S2,2,6:5:00\n",
       "stop_times.txt:3: trip 'TA0' has departure_time '6:5:00'; expected a time HH:MM:SS"},
      {"stop_times.txt", stop_times + "TA0,S2,2,06:60:00\n",
       "stop_times.txt:3: trip 'TA0' has departure_time '06:60:00'; expected a time HH:MM:SS"},
      {"stop_times.txt", stop_times + "TA0,S2,second,06:05:00\n",
       "stop_times.txt:3: trip 'TA0' has stop_sequence 'second'; expected a non-negative integer"},
      {"stop_times.txt", stop_times + "TA0,S2,1,06:05:00\n", "stop_times.txt:3: trip 'TA0' repeats stop_sequence 1"},
      {"frequencies.txt", "trip_id,start_time,end_time,headway_secs\nTX,06:00:00,07:00:00,300\n",
       "frequencies.txt:2: unknown trip 'TX'"},
      {"frequencies.txt", "trip_id,start_time,end_time,headway_secs\nTA0,06:00:00,07:00:00,0\n",
       "frequencies.txt:2: frequency of trip 'TA0' has headway_secs '0'; expected a positive number of seconds"},
      {"frequencies.txt", "trip_id,start_time,end_time,headway_secs\nTA0,,07:00:00,300\n",
       "frequencies.txt:2: frequency of trip 'TA0' has start_time ''; expected a time HH:MM:SS"},
      {"shapes.txt", "shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence\nSHB,-8.1,-190,1\n",
       "shapes.txt:2: shape 'SHB' has shape_pt_lon '-190'; expected degrees from -180 to 180"},
      {"fare_rules.txt", "fare_id,route_id\nF9,RA\n", "fare_rules.txt:2: unknown fare 'F9'"},
      {"fare_rules.txt", "fare_id,route_id\nF1,RZ\n", "fare_rules.txt:2: fare 'F1' names unknown route 'RZ'"},
      {"fare_attributes.txt", "fare_id,price,currency_type\nF1,gratis,PEN\n",
       "fare_attributes.txt:2: fare 'F1' has price 'gratis'; expected a non-negative number"},
      {"calendar.txt",
       "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
       "WK,1,1,1,1,1,0,2,20250101,20251231\n",
       "calendar.txt:2: service 'WK' has sunday '2'; expected 0 or 1"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.message);
    const std::filesystem::path feed = tiny_with(c.member, c.text);
    const std::string message = error_of(feed);
    EXPECT_THAT(message, HasSubstr("gtfs-variant/" + c.message));
  }
}

struct RealFeed {
  const char* file;
  std::size_t routes, trips, stops, stop_times, frequencies, shapes, fares, services;
};

const std::filesystem::path kData = std::filesystem::path(MUNISIM_SOURCE_DIR) / "../shared/data";

void check_real_feed(const RealFeed& expected) {
  const std::filesystem::path file = kData / expected.file;
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "needs ../shared/data (" << expected.file << ", not present)";
  const auto start = std::chrono::steady_clock::now();
  const GtfsFeed feed = read_gtfs(file);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t stop_times = 0;
  for (const GtfsTrip& trip : feed.trips) stop_times += trip.stops.size();
  std::printf("%s: %zu routes, %zu trips, %zu stops, %zu stop times, %zu shapes; read in %.3f s\n", expected.file,
              feed.routes.size(), feed.trips.size(), feed.stops.size(), stop_times, feed.shapes.size(), seconds);
  ::testing::Test::RecordProperty("seconds", std::to_string(seconds));
  EXPECT_EQ(feed.routes.size(), expected.routes);
  EXPECT_EQ(feed.trips.size(), expected.trips);
  EXPECT_EQ(feed.stops.size(), expected.stops);
  EXPECT_EQ(stop_times, expected.stop_times);
  EXPECT_EQ(feed.frequencies.size(), expected.frequencies);
  EXPECT_EQ(feed.shapes.size(), expected.shapes);
  EXPECT_EQ(feed.fares.size(), expected.fares);
  EXPECT_EQ(feed.services.size(), expected.services);
  for (const GtfsTrip& trip : feed.trips) {
    EXPECT_GE(trip.stops.size(), 2u) << trip.id;
    EXPECT_NE(feed.shape(trip.shape_id), nullptr) << trip.id;
  }
  for (const GtfsFrequency& frequency : feed.frequencies) EXPECT_GT(frequency.headway_s, 0);
}

TEST(GtfsFeed, RealTrujilloOmusFeed) {
  check_real_feed({"gtfs-trujillo-omus/trujillo_omus_gtfs.zip", 102, 102, 4067, 20170, 102, 102, 102, 1});
}

TEST(GtfsFeed, RealTrujillo2026Feed) {
  check_real_feed({"gtfs-trujillo-2026/trujillo_gtfs_2026-01.zip", 85, 210, 508, 3773, 210, 210, 210, 1});
}

TEST(GtfsFeed, RealArequipaFeed) {
  check_real_feed({"gtfs-arequipa/arequipa_gtfs_2024-09.zip", 192, 240, 6711, 45480, 240, 192, 192, 6});
}

}  // namespace
}  // namespace munisim
